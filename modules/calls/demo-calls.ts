// The demo South–South Cooperation Programme of Mercociudades (seed 002): its texts, and
// illustrative applications (titles and figures written for the demo, not the real funded
// projects, whose list is not public here) to the 2017 call (cap USD 7,000; closed, projects
// reported and closed), the 2018 call (cap USD 10,000; in evaluation) and the current call.
import type { FundingModality } from "./schema.ts";

export const demoProgramme = {
  slug: "cooperacion-sur-sur",
  texts: {
    es: {
      name: "Programa de Cooperación Sur Sur",
      purpose:
        "Promover, visibilizar, formalizar y sistematizar acciones de cooperación e intercambio entre gobiernos locales de Mercociudades y terceros, en las tres modalidades de la cooperación Sur Sur. Aprobado en la XXI Cumbre de Mercociudades (Santa Fe).",
      principles: "Horizontalidad, colaboración entre iguales. Consenso entre las partes. Beneficios equitativos entre todos los socios. Valorización de los resultados cualitativos.",
      linesOfAction:
        "Financiamiento de iniciativas regionales. Capacitación en formulación de proyectos. Apoyo y asesoramiento en el desarrollo de estrategias de resiliencia. Intercambio de programas, políticas y experiencias locales. Apoyo técnico a través de la comunidad de experticia local.",
    },
    pt: {
      name: "Programa de Cooperação Sul-Sul",
      purpose:
        "Promover, dar visibilidade, formalizar e sistematizar ações de cooperação e intercâmbio entre governos locais da Mercocidades e terceiros, nas três modalidades da cooperação Sul-Sul. Aprovado na XXI Cúpula da Mercocidades (Santa Fe).",
      principles: "Horizontalidade, colaboração entre iguais. Consenso entre as partes. Benefícios equitativos entre todos os parceiros. Valorização dos resultados qualitativos.",
      linesOfAction:
        "Financiamento de iniciativas regionais. Capacitação em formulação de projetos. Apoio e assessoria no desenvolvimento de estratégias de resiliência. Intercâmbio de programas, políticas e experiências locais. Apoio técnico por meio da comunidade de expertise local.",
    },
    en: {
      name: "South–South Cooperation Programme",
      purpose:
        "To promote, make visible, formalise and systematise cooperation and exchange among Mercociudades' local governments and others, in the three modalities of South–South cooperation. Approved at the 21st Mercociudades Summit (Santa Fe).",
      principles: "Horizontality, cooperation among equals. Consensus between the parties. Equitable benefits for all partners. Valuing qualitative results.",
      linesOfAction:
        "Financing regional initiatives. Training in project formulation. Support and advice on resilience strategies. Exchange of local programmes, policies and experience. Technical support from the community of local expertise.",
    },
  },
};

export interface DemoApplication {
  key: string;
  lead: string;
  partners: string[];
  title: string;
  modality: FundingModality;
  themeIds: string[];
  sdgGoals: number[];
  summary: string;
  /** USD: asked of the programme; counterpart in cash and in kind (the lead's). */
  requested: number;
  cash: number;
  inKind: number;
  /** The two reviewers' scores on the three criteria (1–5), when reviewed. */
  scores?: [number, number, number][];
  decision?: { awarded: number | null; reasons: string };
}

export const demoCriteria = [
  { es: { name: "Pertinencia regional", guidance: "¿Responde a los temas priorizados y a un problema compartido por las ciudades?" }, pt: { name: "Pertinência regional", guidance: "Responde aos temas priorizados e a um problema compartilhado pelas cidades?" }, en: { name: "Regional relevance", guidance: "Does it answer the priority themes and a problem the cities share?" }, weight: 40 },
  { es: { name: "Viabilidad", guidance: "¿Son realistas las actividades, el calendario y el presupuesto?" }, pt: { name: "Viabilidade", guidance: "As atividades, o cronograma e o orçamento são realistas?" }, en: { name: "Feasibility", guidance: "Are the activities, schedule and budget realistic?" }, weight: 35 },
  { es: { name: "Horizontalidad", guidance: "¿Aprenden y aportan todas las partes por igual?" }, pt: { name: "Horizontalidade", guidance: "Todas as partes aprendem e contribuem por igual?" }, en: { name: "Horizontality", guidance: "Do all parties learn and contribute equally?" }, weight: 25 },
];

export const demo2017: DemoApplication[] = [
  {
    key: "2017-residuos",
    lead: "intendencia-de-montevideo",
    partners: ["prefeitura-de-porto-alegre", "asuncion"],
    title: "Clasificación de residuos con cooperativas de recicladores",
    modality: "expert_exchange",
    themeIds: ["water-waste-sanitation"],
    sdgGoals: [11, 12],
    summary: "Intercambio de equipos técnicos entre tres ciudades para formalizar la recolección selectiva con cooperativas.",
    requested: 7000,
    cash: 4000,
    inKind: 3500,
    scores: [[5, 4, 5], [4, 4, 4]],
    decision: { awarded: 7000, reasons: "Alta pertinencia regional y socias de tres países." },
  },
  {
    key: "2017-genero",
    lead: "rosario",
    partners: ["la-paz", "cochabamba"],
    title: "Red de puntos violeta en el transporte público",
    modality: "forum_seminar_workshop",
    themeIds: ["gender", "urban-mobility"],
    sdgGoals: [5, 11],
    summary: "Talleres regionales para diseñar puntos de atención a la violencia de género en terminales y paradas.",
    requested: 6500,
    cash: 3000,
    inKind: 3500,
    scores: [[4, 4, 5], [5, 3, 4]],
    decision: { awarded: 6500, reasons: "Propuesta sólida; presupuesto ajustado a las actividades." },
  },
  {
    key: "2017-turismo",
    lead: "santa-fe",
    partners: ["arequipa"],
    title: "Turismo fluvial sostenible",
    modality: "technical_assistance",
    themeIds: ["tourism"],
    sdgGoals: [8],
    summary: "Asistencia técnica para un plan de turismo en la costa del río.",
    requested: 7000,
    cash: 2000,
    inKind: 5000,
    scores: [[3, 3, 3], [2, 3, 3]],
    decision: { awarded: null, reasons: "Menor pertinencia regional que las seleccionadas; se alienta a presentarla con más socias." },
  },
];

export const demo2018: DemoApplication[] = [
  {
    key: "2018-agua",
    lead: "gobierno-de-la-ciudad-de-buenos-aires",
    partners: ["prefeitura-de-porto-alegre", "quito"],
    title: "Reducción de pérdidas de agua en redes de distribución",
    modality: "technical_assistance",
    themeIds: ["water-waste-sanitation"],
    sdgGoals: [6, 11],
    summary: "Sectorización de redes y medición de presiones, con pasantías de técnicos entre las tres ciudades.",
    requested: 10000,
    cash: 6000,
    inKind: 5000,
    scores: [[5, 5, 4], [4, 5, 4]],
  },
  {
    key: "2018-juventud",
    lead: "cordoba",
    partners: ["campinas", "lima"],
    title: "Presupuesto participativo joven",
    modality: "training",
    themeIds: ["youth", "autonomy-participation"],
    sdgGoals: [16],
    summary: "Formación de equipos municipales para abrir una parte del presupuesto a propuestas de jóvenes.",
    requested: 9000,
    cash: 4500,
    inKind: 4500,
    scores: [[4, 3, 5]],
  },
  {
    key: "2018-riesgo",
    lead: "valparaiso",
    partners: ["niteroi"],
    title: "Mapas comunitarios de riesgo de incendio en quebradas",
    modality: "dissemination",
    themeIds: ["environment", "nature-based-solutions"],
    sdgGoals: [11, 13],
    summary: "Cartografía participativa del riesgo de incendio y una guía para barrios en pendiente.",
    requested: 8000,
    cash: 3000,
    inKind: 6000,
  },
];

/** Porto Alegre's draft to the current call: Buenos Aires confirmed, Montevideo invited. */
export const demoCurrentDraft: DemoApplication = {
  key: "2027-huertas",
  lead: "prefeitura-de-porto-alegre",
  partners: ["gobierno-de-la-ciudad-de-buenos-aires", "intendencia-de-montevideo"],
  title: "Hortas comunitárias em terrenos ociosos",
  modality: "expert_exchange",
  themeIds: ["urban-food-policies"],
  sdgGoals: [2, 11],
  summary: "Intercâmbio de técnicos para transformar terrenos ociosos em hortas comunitárias com as famílias dos bairros.",
  requested: 9500,
  cash: 5000,
  inKind: 5000,
};
