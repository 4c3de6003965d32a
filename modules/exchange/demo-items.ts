// Offers and needs written for the demo (marked demo content; not real commitments of these
// cities), in the three languages, by cities of the demo network, chosen so that each need has
// an offer that answers it in another language, and some do not match at all.
import type { Locale } from "../../platform/i18n/locales.ts";
import type { ItemKind, Modality } from "./schema.ts";

export interface DemoItem {
  key: string;
  kind: ItemKind;
  city: string;
  country: string;
  language: Locale;
  title: string;
  description: string;
  themeIds: string[];
  sdgGoals: number[];
  modalities: Modality[];
  languages: Locale[];
  /** Who posts it: a demo account's address when one belongs to that city, else a team person. */
  author: { name: string; email: string; position: string };
}

const team = (name: string, slug: string, position: string) => ({ name, email: `${slug}@equipo.demo.example`, position });
const ana = { name: "Ana Souza", email: "ana.souza@portoalegre.example", position: "Coordenadora de Relações Internacionais" };
const martin = { name: "Martín Pereyra", email: "martin.pereyra@buenosaires.example", position: "Director de Relaciones Multilaterales" };

export const demoItems: DemoItem[] = [
  {
    key: "poa-water-losses",
    kind: "need",
    city: "Porto Alegre",
    country: "BR",
    language: "pt",
    title: "Reduzir as perdas de água potável na rede de distribuição",
    description:
      "Perdemos cerca de 35% da água tratada em vazamentos e ligações irregulares. Buscamos apoio técnico para setorizar a rede de distribuição, medir pressões por distrito e priorizar a troca de tubulações antigas, e gostaríamos de conhecer uma cidade que já tenha reduzido as perdas.",
    themeIds: ["water-waste-sanitation"],
    sdgGoals: [6, 11],
    modalities: ["technical_assistance", "expert_exchange"],
    languages: ["pt", "es"],
    author: ana,
  },
  {
    key: "bsas-water-sectors",
    kind: "offer",
    city: "Buenos Aires",
    country: "AR",
    language: "es",
    title: "Reducción de pérdidas de agua potable por sectorización de la red",
    description:
      "Dividimos la red de distribución de agua potable en sectores con medición de caudal y presión, detectamos fugas con equipos acústicos y reemplazamos tuberías antiguas por prioridad. Las pérdidas bajaron del 38% al 24% en seis años. Ofrecemos asistencia técnica, visitas de nuestro equipo y los pliegos que usamos.",
    themeIds: ["water-waste-sanitation"],
    sdgGoals: [6],
    modalities: ["technical_assistance", "expert_exchange", "documents"],
    languages: ["es", "en"],
    author: martin,
  },
  {
    key: "mvd-ewaste",
    kind: "need",
    city: "Montevideo",
    country: "UY",
    language: "es",
    title: "Gestión de residuos electrónicos de los hogares",
    description:
      "Los residuos electrónicos de los hogares terminan mezclados con la basura común. Necesitamos diseñar puntos de entrega, acuerdos con recicladores y una campaña para que los vecinos separen celulares, computadoras y pilas.",
    themeIds: ["water-waste-sanitation", "circular-economy"],
    sdgGoals: [11, 12],
    modalities: ["virtual_session", "documents"],
    languages: ["es"],
    author: team("Florencia Costa", "florencia.costa.montevideo", "Departamento de Desarrollo Ambiental"),
  },
  {
    key: "curitiba-waste-pickers",
    kind: "offer",
    city: "Curitiba",
    country: "BR",
    language: "pt",
    title: "Coleta seletiva com cooperativas de catadores e pontos de entrega de eletrônicos",
    description:
      "A coleta seletiva da cidade é feita com cooperativas de catadores contratadas pela prefeitura. Mantemos pontos de entrega voluntária de resíduos eletrônicos, pilhas e óleo de cozinha, e campanhas nas escolas. Podemos compartilhar os contratos, a logística e receber uma equipe técnica.",
    themeIds: ["water-waste-sanitation", "circular-economy", "social-solidarity-economy"],
    sdgGoals: [11, 12],
    modalities: ["expert_exchange", "documents", "virtual_session"],
    languages: ["pt", "es"],
    author: team("Rafael Lima", "rafael.lima.curitiba", "Secretaria do Meio Ambiente"),
  },
  {
    key: "bh-bike-lanes",
    kind: "need",
    city: "Belo Horizonte",
    country: "BR",
    language: "pt",
    title: "Plano de ciclovias e bicicletas compartilhadas",
    description:
      "Queremos ampliar a rede de ciclovias, ligar as ciclovias ao transporte público e lançar um sistema de bicicletas compartilhadas. Precisamos de experiência em desenho viário, contratos do sistema e participação dos moradores.",
    themeIds: ["urban-mobility"],
    sdgGoals: [11, 3],
    modalities: ["technical_assistance", "virtual_session"],
    languages: ["pt", "en"],
    author: team("Juliana Prado", "juliana.prado.belohorizonte", "Empresa de Transportes e Trânsito"),
  },
  {
    key: "cordoba-cycling",
    kind: "offer",
    city: "Córdoba",
    country: "AR",
    language: "en",
    title: "A connected network of bike lanes and a public bike share scheme",
    description:
      "In five years we built 250 km of protected bike lanes connected to bus terminals and launched a public bike share with 70 stations. We can share the street design manual, the bike share contract and how we involved neighbours, in virtual sessions or a technical visit.",
    themeIds: ["urban-mobility"],
    sdgGoals: [11],
    modalities: ["virtual_session", "expert_exchange", "documents"],
    languages: ["es", "en"],
    author: team("Tomás Ferreyra", "tomas.ferreyra.cordoba", "Secretaría de Movilidad"),
  },
  {
    key: "rosario-food-gardens",
    kind: "need",
    city: "Rosario",
    country: "AR",
    language: "es",
    title: "Acceso a alimentos frescos en barrios populares",
    description:
      "Muchas familias de los barrios populares no acceden a alimentos frescos a precios justos. Buscamos experiencias de comedores y restaurantes populares, compras públicas a la agricultura familiar y huertas comunitarias para diseñar una política alimentaria municipal.",
    themeIds: ["urban-food-policies", "poverty-inclusion-gender"],
    sdgGoals: [2, 1],
    modalities: ["expert_exchange", "internship"],
    languages: ["es", "pt"],
    author: team("Carolina Gómez", "carolina.gomez.rosario", "Secretaría de Desarrollo Humano"),
  },
  {
    key: "bh-food-security",
    kind: "offer",
    city: "Belo Horizonte",
    country: "BR",
    language: "pt",
    title: "Restaurantes populares e compras da agricultura familiar",
    description:
      "Há trinta anos a política de segurança alimentar da cidade mantém restaurantes populares com refeições a preço baixo, feiras de alimentos frescos nos bairros e compras públicas da agricultura familiar para as escolas. Recebemos estagiários e equipes de outras cidades.",
    themeIds: ["urban-food-policies"],
    sdgGoals: [2],
    modalities: ["internship", "expert_exchange", "documents"],
    languages: ["pt", "es", "en"],
    author: team("Marcos Teixeira", "marcos.teixeira.belohorizonte", "Subsecretaria de Segurança Alimentar"),
  },
  {
    key: "quito-landslides",
    kind: "need",
    city: "Quito",
    country: "EC",
    language: "es",
    title: "Alerta temprana de deslizamientos en laderas habitadas",
    description:
      "Las lluvias intensas provocan deslizamientos en las laderas donde viven miles de familias. Necesitamos apoyo para instalar pluviómetros, definir umbrales de alerta y organizar a los barrios para evacuar a tiempo.",
    themeIds: ["environment"],
    sdgGoals: [11, 13],
    modalities: ["technical_assistance", "training"],
    languages: ["es"],
    author: team("Andrés Villacís", "andres.villacis.quito", "Secretaría de Seguridad y Gestión de Riesgos"),
  },
  {
    key: "santafe-flood-warning",
    kind: "offer",
    city: "Santa Fe",
    country: "AR",
    language: "es",
    title: "Sistema de alerta temprana ante lluvias y crecidas",
    description:
      "Después de las inundaciones de 2003 y 2007 creamos un sistema municipal de gestión de riesgo: red de pluviómetros y sensores de nivel, umbrales de alerta, protocolos con los barrios y simulacros anuales de evacuación. Capacitamos equipos de otras ciudades.",
    themeIds: ["environment"],
    sdgGoals: [11, 13],
    modalities: ["training", "technical_assistance", "documents"],
    languages: ["es"],
    author: team("Lorena Acosta", "lorena.acosta.santafe", "Dirección de Gestión de Riesgos"),
  },
  {
    key: "asuncion-digital-services",
    kind: "need",
    city: "Asunción",
    country: "PY",
    language: "en",
    title: "Putting municipal services online",
    description:
      "Most municipal procedures still require going to an office with paper forms. We need help to choose which services to put online first, design a citizen portal and train our staff in digital services.",
    themeIds: ["smart-city"],
    sdgGoals: [16, 9],
    modalities: ["training", "virtual_session"],
    languages: ["es", "en"],
    author: team("Gustavo Benítez", "gustavo.benitez.asuncion", "Dirección de Innovación"),
  },
  {
    key: "mvd-digital-participation",
    kind: "offer",
    city: "Montevideo",
    country: "UY",
    language: "es",
    title: "Trámites en línea y participación digital de los vecinos",
    description:
      "Más de 300 trámites municipales se hacen en línea desde un portal único, con identidad digital. La plataforma Montevideo Decide recibe propuestas y votaciones de los vecinos. Compartimos el código abierto, la hoja de ruta y capacitamos equipos.",
    themeIds: ["smart-city", "autonomy-participation"],
    sdgGoals: [16],
    modalities: ["training", "documents", "virtual_session"],
    languages: ["es", "en"],
    author: team("Martina Sosa", "martina.sosa.montevideo", "División de Tecnologías de la Información"),
  },
  {
    key: "poa-participatory-budget",
    kind: "offer",
    city: "Porto Alegre",
    country: "BR",
    language: "pt",
    title: "Orçamento participativo: como os bairros decidem os investimentos",
    description:
      "Desde 1989 os moradores decidem em assembleias regionais parte dos investimentos da cidade. Compartilhamos o regimento, o calendário do ciclo anual e as lições aprendidas, e recebemos delegações para acompanhar as assembleias.",
    themeIds: ["autonomy-participation"],
    sdgGoals: [16],
    modalities: ["expert_exchange", "documents"],
    languages: ["pt", "es"],
    author: ana,
  },
  {
    key: "lapaz-heritage",
    kind: "need",
    city: "La Paz",
    country: "BO",
    language: "es",
    title: "Rehabilitación del centro histórico sin expulsar a sus vecinos",
    description:
      "Queremos rehabilitar casonas del centro histórico para vivienda social y comercio local, evitando que los vecinos de siempre tengan que irse. Buscamos experiencias de financiamiento y de gestión con cooperativas de vivienda.",
    themeIds: ["culture-heritage", "housing"],
    sdgGoals: [11],
    modalities: ["expert_exchange", "technical_assistance"],
    languages: ["es"],
    author: team("Paola Mamani", "paola.mamani.lapaz", "Oficialía de Planificación"),
  },
];

/** The accepted connection of the demo: Porto Alegre asks Buenos Aires about water losses. */
export const demoConversation = {
  need: "poa-water-losses",
  offer: "bsas-water-sectors",
  request: "Olá, Martín! Em Porto Alegre estamos começando a setorização da rede. Poderíamos conversar sobre como vocês organizaram a medição de pressão e a troca de tubulações?",
  messages: [
    { from: "offer", body: "¡Hola, Ana! Con gusto. Les comparto el pliego de la medición por sectores y les propongo una sesión virtual con nuestro equipo de agua la semana próxima." },
    { from: "need", body: "Perfeito! Terça ou quarta-feira à tarde funcionam para nós. Vamos com a equipe do DMAE." },
    { from: "offer", body: "Quedamos el miércoles a las 15 h. Después podríamos pensar una visita técnica y presentarla al Programa de Cooperación Sur-Sur." },
  ],
} as const;

/** People who agreed to appear in the demo directory of local expertise. */
export const demoExperts = [
  { email: "lucia.fernandez@buenosaires.example", position: "Equipo técnico de Ambiente", themeIds: ["water-waste-sanitation", "environment"], languages: ["es", "en"], summary: { es: "Gestión de residuos y economía circular: contratos con cooperativas de recicladores y puntos verdes." } },
  { email: "diego.silva@udelar.example", position: "Investigador, Facultad de Arquitectura", themeIds: ["housing", "culture-heritage"], languages: ["es", "pt"], summary: { es: "Vivienda cooperativa y rehabilitación de centros históricos.", pt: "Habitação cooperativa e reabilitação de centros históricos." } },
] as const;
