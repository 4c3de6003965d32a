// The demo network's good-practice bank around the practices of demo-practices.ts: its eight
// thematic axes, the city–university observatory run with a university association, and a past
// call for inclusive-city practices that ended in a published collection.
//
// Sources: the bank's eight axes, the observatory run with the Asociación de Universidades Grupo
// Montevideo (AUGM) and the call for inclusive-city practices with its publication are named in
// Mercociudades' public texts (docs/domain.md, seeds 002 and 003). The axes' names are not given
// there: the eight below, their mapping onto the taxonomy, the observatory's axes, the call's
// dates and every text are written for the demo.
import type { Translated } from "../../platform/i18n/locales.ts";

export interface DemoAxis {
  key: string;
  names: Required<Translated>;
  themeIds: string[];
}

/** The bank's eight axes, each mapped onto themes of the taxonomy (every theme on exactly one axis). */
export const demoBankAxes: DemoAxis[] = [
  {
    key: "social-inclusion",
    names: { es: "Inclusión social, género y derechos", pt: "Inclusão social, gênero e direitos", en: "Social inclusion, gender and rights" },
    themeIds: ["social-development", "poverty-inclusion-gender", "gender", "disability-inclusion", "human-rights-migration", "migrants-refugees", "childhood", "youth"],
  },
  {
    key: "participation-governance",
    names: { es: "Participación ciudadana y gobierno abierto", pt: "Participação cidadã e governo aberto", en: "Citizen participation and open government" },
    themeIds: ["autonomy-participation", "communication", "smart-city"],
  },
  {
    key: "urban-development-habitat",
    names: { es: "Desarrollo urbano, vivienda y movilidad", pt: "Desenvolvimento urbano, habitação e mobilidade", en: "Urban development, housing and mobility" },
    themeIds: ["urban-development", "housing", "urban-regeneration", "strategic-planning-metropolitan", "urban-mobility", "urban-rural"],
  },
  {
    key: "environment-climate",
    names: { es: "Ambiente, cambio climático y resiliencia", pt: "Meio ambiente, mudança do clima e resiliência", en: "Environment, climate change and resilience" },
    themeIds: ["environment", "nature-based-solutions", "water-waste-sanitation", "circular-economy", "sustainable-production-consumption"],
  },
  {
    key: "local-economy",
    names: { es: "Desarrollo económico local y economía social", pt: "Desenvolvimento econômico local e economia social", en: "Local economic development and social economy" },
    themeIds: ["local-economic-development", "social-solidarity-economy", "business-promotion", "tourism", "education-jobs-skills"],
  },
  {
    key: "culture-education-sport",
    names: { es: "Cultura, educación y deporte", pt: "Cultura, educação e esporte", en: "Culture, education and sport" },
    themeIds: ["culture", "culture-heritage", "education", "sports", "science-technology"],
  },
  {
    key: "health-food-safety",
    names: { es: "Ciudades saludables, seguras y alimentación", pt: "Cidades saudáveis, seguras e alimentação", en: "Healthy and safe cities, food" },
    themeIds: ["healthy-cities", "urban-food-policies", "citizen-security", "safe-public-spaces"],
  },
  {
    key: "integration-cooperation",
    names: { es: "Integración regional y cooperación", pt: "Integração regional e cooperação", en: "Regional integration and cooperation" },
    themeIds: ["international-cooperation", "border-integration"],
  },
];

/** The axes of the city–university observatory (their keys differ from the bank's: an axis key names one axis of the network). */
export const demoObservatoryAxes: DemoAxis[] = [
  {
    key: "university-outreach",
    names: { es: "Extensión universitaria y compromiso territorial", pt: "Extensão universitária e compromisso territorial", en: "University outreach and community engagement" },
    themeIds: ["social-development", "autonomy-participation"],
  },
  {
    key: "applied-research",
    names: { es: "Investigación aplicada a políticas locales", pt: "Pesquisa aplicada a políticas locais", en: "Research applied to local policy" },
    themeIds: ["science-technology", "strategic-planning-metropolitan"],
  },
  {
    key: "professional-training",
    names: { es: "Formación y prácticas profesionales", pt: "Formação e estágios profissionais", en: "Training and student placements" },
    themeIds: ["education", "education-jobs-skills"],
  },
  {
    key: "innovation-transfer",
    names: { es: "Innovación y transferencia de conocimiento", pt: "Inovação e transferência de conhecimento", en: "Innovation and knowledge transfer" },
    themeIds: ["smart-city", "local-economic-development"],
  },
  {
    key: "habitat-environment",
    names: { es: "Hábitat, ambiente y territorio", pt: "Habitat, meio ambiente e território", en: "Habitat, environment and territory" },
    themeIds: ["housing", "environment", "urban-development"],
  },
];

/** The university association that runs the observatory with the network (named in the network's public texts). */
export const demoObservatoryPartner = {
  slug: "asociacion-de-universidades-grupo-montevideo",
  name: "Asociación de Universidades Grupo Montevideo (AUGM)",
  kind: "university_association" as const,
  countryCode: "UY",
  city: "Montevideo",
  website: "https://grupomontevideo.org",
  descriptionLanguage: "es" as const,
  description: {
    es: "Red de universidades públicas de América del Sur. Impulsa con Mercociudades el Observatorio de Cooperación Ciudad–Universidad. (Organización real; su perfil en Pares es un dato de demostración.)",
    pt: "Rede de universidades públicas da América do Sul. Promove com a Mercocidades o Observatório de Cooperação Cidade–Universidade. (Organização real; o seu perfil no Pares é um dado de demonstração.)",
    en: "A network of public universities of South America. It runs the City–University Cooperation Observatory with Mercociudades. (A real organization; its profile on Pares is demo data.)",
  },
};

export const demoObservatory = {
  names: {
    es: "Observatorio de Cooperación Ciudad–Universidad",
    pt: "Observatório de Cooperação Cidade–Universidade",
    en: "City–University Cooperation Observatory",
  },
  description: {
    es: "Iniciativa conjunta de Mercociudades y la Asociación de Universidades Grupo Montevideo (AUGM) que muestra y difunde buenas prácticas de vinculación con fines sociales, resultado de la cooperación entre universidades y gobiernos locales de la región. Las prácticas que se ven aquí son datos de demostración.",
    pt: "Iniciativa conjunta da Mercocidades e da Associação de Universidades Grupo Montevidéu (AUGM) que mostra e divulga boas práticas de vinculação com fins sociais, resultado da cooperação entre universidades e governos locais da região. As práticas mostradas aqui são dados de demonstração.",
    en: "A joint initiative of Mercociudades and the Montevideo Group University Association (AUGM) that shows and shares good practices with social aims born of cooperation between universities and local governments of the region. The practices shown here are demo data.",
  },
};

/** The past call for inclusive-city practices (seed 003: a call and its publication). Dates are the demo's. */
export const demoInclusiveCall = {
  language: "es" as const,
  title: {
    es: "Ciudades inclusivas: convocatoria de buenas prácticas 2025",
    pt: "Cidades inclusivas: chamada de boas práticas 2025",
    en: "Inclusive cities: call for good practices 2025",
  },
  description: {
    es: "Mercociudades invita a sus ciudades miembro a presentar políticas y programas que amplíen el acceso a derechos de las personas migrantes, las mujeres y las personas con discapacidad. Las prácticas seleccionadas integran una publicación de la red. (Convocatoria de demostración.)",
    pt: "A Mercocidades convida as suas cidades membro a apresentar políticas e programas que ampliem o acesso a direitos das pessoas migrantes, das mulheres e das pessoas com deficiência. As práticas selecionadas compõem uma publicação da rede. (Chamada de demonstração.)",
    en: "Mercociudades invites its member cities to present policies and programmes that widen access to rights for migrants, women and people with disabilities. The selected practices make up a publication of the network. (A demo call.)",
  },
  themeIds: ["poverty-inclusion-gender", "social-development", "migrants-refugees", "human-rights-migration", "gender", "disability-inclusion"],
  opensAt: "2025-03-03T12:00:00Z",
  closesAt: "2025-06-30T23:59:59Z",
  /** When the secretariat chose the practices and when the collection came out. */
  selectedAt: "2025-09-15T15:00:00Z",
  publishedAt: "2025-11-20T14:00:00Z",
  notSelectedNote: "La práctica no estaba publicada en el banco al momento de la selección.",
  collection: {
    subtitle: {
      es: "Buenas prácticas de inclusión de personas migrantes, mujeres y personas con discapacidad en ciudades de Mercociudades",
      pt: "Boas práticas de inclusão de pessoas migrantes, mulheres e pessoas com deficiência em cidades da Mercocidades",
      en: "Good practices for the inclusion of migrants, women and people with disabilities in Mercociudades cities",
    },
    foreword: {
      es: "Esta publicación reúne las prácticas seleccionadas en la convocatoria «Ciudades inclusivas» de 2025. Muestran cómo los gobiernos locales abren sus servicios a quienes llegan de otros países, acompañan a las mujeres que viven violencia y hacen accesibles el espacio público, el turismo y el empleo.\n\nCada práctica cuenta el problema que atendió, lo que se hizo, sus resultados y lo que otra ciudad necesita para replicarla. Son datos de demostración de Pares.",
      pt: "Esta publicação reúne as práticas selecionadas na chamada «Cidades inclusivas» de 2025. Mostram como os governos locais abrem os seus serviços a quem chega de outros países, acompanham as mulheres em situação de violência e tornam acessíveis o espaço público, o turismo e o emprego.\n\nCada prática conta o problema que enfrentou, o que foi feito, os seus resultados e o que outra cidade precisa para replicá-la. São dados de demonstração do Pares.",
      en: "This publication brings together the practices selected in the 2025 “Inclusive cities” call. They show how local governments open their services to people arriving from other countries, support women facing violence and make public space, tourism and work accessible.\n\nEach practice tells the problem it addressed, what was done, its results and what another city needs to replicate it. This is Pares demo data.",
    },
  },
};
