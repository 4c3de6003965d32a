// The phrase pools generate-practices.ts writes practices from: municipal-policy vocabulary in
// Spanish, Portuguese and English, aligned by position (entry k of each language says the same
// thing), so a practice with a second language carries a real translation of its text and a
// query in one language has something to find in the others. Written for the benchmark.

/** [es, pt, en] */
export type Aligned = readonly [string, string, string];

export interface PhraseTheme {
  key: string;
  /** Ids in the themes table. */
  themeIds: string[];
  sdgGoals: number[];
  topics: Aligned[];
  /** With their article: "el déficit habitacional". */
  problems: Aligned[];
}

export const phraseThemes: PhraseTheme[] = [
  {
    key: "housing",
    themeIds: ["housing", "urban-development"],
    sdgGoals: [11, 1],
    topics: [
      ["vivienda social", "habitação social", "social housing"],
      ["alquiler asequible", "aluguel acessível", "affordable rental housing"],
      ["regularización dominial", "regularização fundiária", "land title regularisation"],
      ["mejoramiento de viviendas", "melhoria habitacional", "home improvement"],
      ["urbanización de asentamientos informales", "urbanização de favelas", "upgrading of informal settlements"],
      ["cooperativas de vivienda por ayuda mutua", "cooperativas habitacionais de ajuda mútua", "mutual-aid housing cooperatives"],
      ["rehabilitación de edificios vacíos", "reabilitação de edifícios vazios", "refurbishment of empty buildings"],
      ["banco de tierras municipal", "banco de terras municipal", "municipal land bank"],
      ["vivienda para personas en situación de calle", "moradia para pessoas em situação de rua", "housing for homeless people"],
    ],
    problems: [
      ["el déficit habitacional y el hacinamiento", "o déficit habitacional e a superlotação", "the housing shortage and overcrowding"],
      ["la falta de títulos de propiedad", "a falta de títulos de propriedade", "the lack of property titles"],
      ["el aumento de los alquileres", "o aumento dos aluguéis", "rising rents"],
      ["los desalojos", "os despejos", "evictions"],
    ],
  },
  {
    key: "water",
    themeIds: ["water-waste-sanitation", "environment"],
    sdgGoals: [6, 11],
    topics: [
      ["agua potable", "água potável", "drinking water"],
      ["saneamiento básico", "saneamento básico", "basic sanitation"],
      ["tratamiento de aguas residuales", "tratamento de esgoto", "wastewater treatment"],
      ["cosecha de agua de lluvia", "captação de água da chuva", "rainwater harvesting"],
      ["reducción de pérdidas en la red de agua", "redução de perdas na rede de água", "reducing leaks in the water network"],
      ["protección de cuencas", "proteção de bacias hidrográficas", "watershed protection"],
      ["drenaje urbano sostenible", "drenagem urbana sustentável", "sustainable urban drainage"],
    ],
    problems: [
      ["los cortes frecuentes del suministro de agua", "as interrupções frequentes no abastecimento de água", "frequent water supply cuts"],
      ["las inundaciones en la temporada de lluvias", "as enchentes na estação chuvosa", "flooding in the rainy season"],
      ["la contaminación de los arroyos por vertidos cloacales", "a poluição dos córregos por esgoto", "the pollution of streams by sewage"],
    ],
  },
  {
    key: "mobility",
    themeIds: ["urban-mobility", "urban-development"],
    sdgGoals: [11, 3, 13],
    topics: [
      ["transporte público", "transporte público", "public transport"],
      ["ciclovías protegidas", "ciclovias protegidas", "protected cycle lanes"],
      ["bicicletas públicas compartidas", "bicicletas compartilhadas", "public bike sharing"],
      ["movilidad peatonal", "mobilidade a pé", "walking"],
      ["calles escolares seguras", "ruas escolares seguras", "safe school streets"],
      ["autobuses eléctricos", "ônibus elétricos", "electric buses"],
      ["tarifa social del transporte", "tarifa social do transporte", "social transport fares"],
      ["seguridad vial", "segurança viária", "road safety"],
      ["movilidad urbana sostenible", "mobilidade urbana sustentável", "sustainable urban mobility"],
    ],
    problems: [
      ["la congestión del tránsito", "os congestionamentos no trânsito", "traffic congestion"],
      ["los siniestros viales", "os acidentes de trânsito", "road crashes"],
      ["los largos tiempos de viaje desde la periferia", "os longos tempos de viagem desde a periferia", "long journeys from the outskirts"],
      ["la contaminación del aire", "a poluição do ar", "air pollution"],
    ],
  },
  {
    key: "food",
    themeIds: ["urban-food-policies", "sustainable-production-consumption"],
    sdgGoals: [2, 12],
    topics: [
      ["huertas urbanas comunitarias", "hortas urbanas comunitárias", "community urban gardens"],
      ["agricultura periurbana", "agricultura periurbana", "peri-urban farming"],
      ["alimentación escolar saludable", "alimentação escolar saudável", "healthy school meals"],
      ["ferias de productores locales", "feiras de produtores locais", "local farmers' markets"],
      ["comedores comunitarios", "cozinhas comunitárias", "community kitchens"],
      ["compras públicas a la agricultura familiar", "compras públicas da agricultura familiar", "public procurement from family farms"],
      ["reducción del desperdicio de alimentos", "redução do desperdício de alimentos", "reducing food waste"],
    ],
    problems: [
      ["la inseguridad alimentaria", "a insegurança alimentar", "food insecurity"],
      ["el escaso acceso a alimentos frescos", "o pouco acesso a alimentos frescos", "poor access to fresh food"],
      ["la malnutrición infantil", "a desnutrição infantil", "child malnutrition"],
    ],
  },
  {
    key: "participation",
    themeIds: ["autonomy-participation"],
    sdgGoals: [16, 11],
    topics: [
      ["presupuesto participativo", "orçamento participativo", "participatory budgeting"],
      ["consejos vecinales", "conselhos de bairro", "neighbourhood councils"],
      ["gobierno abierto", "governo aberto", "open government"],
      ["consulta ciudadana digital", "consulta cidadã digital", "digital public consultation"],
      ["planificación participativa", "planejamento participativo", "participatory planning"],
      ["rendición de cuentas", "prestação de contas", "public accountability"],
      ["audiencias públicas", "audiências públicas", "public hearings"],
    ],
    problems: [
      ["la desconfianza en las instituciones", "a desconfiança nas instituições", "distrust of institutions"],
      ["la baja participación ciudadana", "a baixa participação cidadã", "low citizen participation"],
    ],
  },
  {
    key: "gender",
    themeIds: ["gender", "poverty-inclusion-gender"],
    sdgGoals: [5, 10, 16],
    topics: [
      ["prevención de la violencia de género", "prevenção da violência de gênero", "prevention of gender-based violence"],
      ["autonomía económica de las mujeres", "autonomia econômica das mulheres", "women's economic autonomy"],
      ["casas de acogida", "casas-abrigo", "women's shelters"],
      ["sistema de cuidados", "sistema de cuidados", "care system"],
      ["paridad en los cargos públicos", "paridade nos cargos públicos", "parity in public office"],
      ["transporte seguro para mujeres", "transporte seguro para mulheres", "safe transport for women"],
    ],
    problems: [
      ["la violencia contra las mujeres", "a violência contra as mulheres", "violence against women"],
      ["la brecha salarial de género", "a desigualdade salarial de gênero", "the gender pay gap"],
      ["la sobrecarga de tareas de cuidado", "a sobrecarga das tarefas de cuidado", "the burden of unpaid care work"],
    ],
  },
  {
    key: "youth",
    themeIds: ["youth", "education-jobs-skills"],
    sdgGoals: [8, 4],
    topics: [
      ["empleo juvenil", "emprego juvenil", "youth employment"],
      ["formación en oficios", "formação profissional", "vocational training"],
      ["centros culturales juveniles", "centros culturais juvenis", "youth cultural centres"],
      ["primer empleo", "primeiro emprego", "first jobs"],
      ["deporte comunitario", "esporte comunitário", "community sport"],
      ["parlamento juvenil", "parlamento jovem", "youth parliament"],
    ],
    problems: [
      ["el desempleo juvenil", "o desemprego juvenil", "youth unemployment"],
      ["la deserción escolar", "a evasão escolar", "school dropout"],
    ],
  },
  {
    key: "culture",
    themeIds: ["culture", "culture-heritage"],
    sdgGoals: [11, 4],
    topics: [
      ["patrimonio histórico", "patrimônio histórico", "historic heritage"],
      ["bibliotecas populares", "bibliotecas comunitárias", "community libraries"],
      ["puntos de cultura", "pontos de cultura", "culture hubs"],
      ["festivales de barrio", "festivais de bairro", "neighbourhood festivals"],
      ["memoria colectiva", "memória coletiva", "collective memory"],
      ["industrias creativas", "indústrias criativas", "creative industries"],
      ["música en las escuelas", "música nas escolas", "music in schools"],
    ],
    problems: [
      ["el deterioro del centro histórico", "a degradação do centro histórico", "the decay of the historic centre"],
      ["la escasa oferta cultural en los barrios", "a pouca oferta cultural nos bairros", "the lack of cultural activities in the neighbourhoods"],
    ],
  },
  {
    key: "climate",
    themeIds: ["environment", "nature-based-solutions"],
    sdgGoals: [13, 11, 7],
    topics: [
      ["adaptación al cambio climático", "adaptação às mudanças climáticas", "climate change adaptation"],
      ["arbolado urbano", "arborização urbana", "urban trees"],
      ["energía solar en edificios públicos", "energia solar em prédios públicos", "solar power on public buildings"],
      ["inventario de emisiones", "inventário de emissões", "emissions inventory"],
      ["corredores verdes", "corredores verdes", "green corridors"],
      ["eficiencia energética", "eficiência energética", "energy efficiency"],
      ["alerta temprana de inundaciones", "alerta precoce de enchentes", "flood early warning"],
    ],
    problems: [
      ["las olas de calor", "as ondas de calor", "heatwaves"],
      ["las islas de calor urbanas", "as ilhas de calor urbanas", "urban heat islands"],
      ["el aumento de las emisiones", "o aumento das emissões", "rising emissions"],
    ],
  },
  {
    key: "waste",
    themeIds: ["circular-economy", "water-waste-sanitation"],
    sdgGoals: [12, 11],
    topics: [
      ["reciclaje inclusivo", "reciclagem inclusiva", "inclusive recycling"],
      ["cooperativas de recicladores", "cooperativas de catadores", "waste pickers' cooperatives"],
      ["compostaje domiciliario", "compostagem doméstica", "home composting"],
      ["separación de residuos en origen", "coleta seletiva", "separate waste collection"],
      ["cierre de basurales", "fechamento de lixões", "closing open dumps"],
      ["economía circular", "economia circular", "circular economy"],
    ],
    problems: [
      ["los basurales a cielo abierto", "os lixões a céu aberto", "open dumps"],
      ["la baja tasa de reciclaje", "a baixa taxa de reciclagem", "low recycling rates"],
    ],
  },
  {
    key: "education",
    themeIds: ["education", "education-jobs-skills"],
    sdgGoals: [4, 10],
    topics: [
      ["alfabetización de adultos", "alfabetização de adultos", "adult literacy"],
      ["educación inicial", "educação infantil", "early childhood education"],
      ["escuelas abiertas", "escolas abertas", "open schools"],
      ["inclusión digital", "inclusão digital", "digital inclusion"],
      ["becas estudiantiles", "bolsas de estudo", "student grants"],
      ["educación ambiental", "educação ambiental", "environmental education"],
    ],
    problems: [
      ["el analfabetismo", "o analfabetismo", "illiteracy"],
      ["la brecha digital", "a exclusão digital", "the digital divide"],
    ],
  },
  {
    key: "economy",
    themeIds: ["social-solidarity-economy", "local-economic-development"],
    sdgGoals: [8, 1, 10],
    topics: [
      ["economía social y solidaria", "economia solidária", "social and solidarity economy"],
      ["microcréditos", "microcrédito", "microcredit"],
      ["incubadora de emprendimientos", "incubadora de empreendimentos", "business incubator"],
      ["ferias de emprendedores", "feiras de empreendedores", "entrepreneurs' fairs"],
      ["comercio de proximidad", "comércio local", "local shops"],
      ["turismo comunitario", "turismo comunitário", "community tourism"],
    ],
    problems: [
      ["la informalidad laboral", "a informalidade no trabalho", "informal work"],
      ["el cierre de pequeños comercios", "o fechamento de pequenos comércios", "the closure of small shops"],
    ],
  },
  {
    key: "security",
    themeIds: ["citizen-security", "safe-public-spaces"],
    sdgGoals: [16, 11],
    topics: [
      ["prevención del delito", "prevenção da violência", "crime prevention"],
      ["iluminación pública", "iluminação pública", "street lighting"],
      ["recuperación de espacios públicos", "recuperação de espaços públicos", "reclaiming public spaces"],
      ["mediación comunitaria", "mediação comunitária", "community mediation"],
      ["policía de proximidad", "policiamento comunitário", "community policing"],
    ],
    problems: [
      ["la inseguridad en el espacio público", "a insegurança no espaço público", "insecurity in public space"],
      ["los conflictos vecinales", "os conflitos de vizinhança", "neighbourhood conflicts"],
    ],
  },
  {
    key: "health",
    themeIds: ["healthy-cities", "social-development"],
    sdgGoals: [3, 10],
    topics: [
      ["atención primaria de salud", "atenção primária à saúde", "primary health care"],
      ["salud mental comunitaria", "saúde mental comunitária", "community mental health"],
      ["promoción de la actividad física", "promoção da atividade física", "promoting physical activity"],
      ["vacunación", "vacinação", "vaccination"],
      ["agentes comunitarios de salud", "agentes comunitários de saúde", "community health workers"],
    ],
    problems: [
      ["las enfermedades crónicas", "as doenças crônicas", "chronic diseases"],
      ["las largas esperas en los centros de salud", "as longas esperas nos postos de saúde", "long waits at health centres"],
    ],
  },
  {
    key: "migration",
    themeIds: ["human-rights-migration", "migrants-refugees"],
    sdgGoals: [10, 16],
    topics: [
      ["acogida de personas migrantes", "acolhimento de migrantes", "reception of migrants"],
      ["regularización migratoria", "regularização migratória", "migration status regularisation"],
      ["enseñanza del idioma", "ensino da língua", "language classes"],
      ["inserción laboral de refugiados", "inserção profissional de refugiados", "jobs for refugees"],
    ],
    problems: [
      ["la discriminación", "a discriminação", "discrimination"],
      ["las barreras de acceso a los servicios", "as barreiras de acesso aos serviços", "barriers to public services"],
    ],
  },
  {
    key: "disability",
    themeIds: ["disability-inclusion"],
    sdgGoals: [10, 11],
    topics: [
      ["accesibilidad universal", "acessibilidade universal", "universal accessibility"],
      ["transporte accesible", "transporte acessível", "accessible transport"],
      ["inclusión laboral de personas con discapacidad", "inclusão profissional de pessoas com deficiência", "employment of people with disabilities"],
    ],
    problems: [
      ["las barreras arquitectónicas", "as barreiras arquitetônicas", "physical barriers"],
      ["la falta de intérpretes de lengua de señas", "a falta de intérpretes de língua de sinais", "the lack of sign language interpreters"],
    ],
  },
];

/** With their definite article (es, pt): "los jóvenes". */
export const groups: Aligned[] = [
  ["los jóvenes", "os jovens", "young people"],
  ["las mujeres", "as mulheres", "women"],
  ["las personas mayores", "as pessoas idosas", "older people"],
  ["las niñas y los niños", "as crianças", "children"],
  ["las familias de bajos ingresos", "as famílias de baixa renda", "low-income families"],
  ["las personas migrantes", "as pessoas migrantes", "migrants"],
  ["las personas con discapacidad", "as pessoas com deficiência", "people with disabilities"],
  ["los vecinos y vecinas", "os moradores", "residents"],
  ["los comerciantes", "os comerciantes", "shopkeepers"],
  ["los productores familiares", "os produtores familiares", "family farmers"],
  ["los estudiantes", "os estudantes", "students"],
  ["los recicladores", "os catadores", "waste pickers"],
  ["los pueblos indígenas", "os povos indígenas", "indigenous peoples"],
  ["las personas en situación de calle", "as pessoas em situação de rua", "homeless people"],
  ["los emprendedores", "os empreendedores", "entrepreneurs"],
  ["las mujeres jefas de hogar", "as mulheres chefes de família", "women heads of household"],
];

/** With their preposition: "en los barrios periféricos". */
export const places: Aligned[] = [
  ["en los barrios periféricos", "nos bairros periféricos", "in outlying neighbourhoods"],
  ["en el centro histórico", "no centro histórico", "in the historic centre"],
  ["en las villas y asentamientos", "nas favelas e ocupações", "in informal settlements"],
  ["en la zona rural del municipio", "na zona rural do município", "in the rural part of the municipality"],
  ["en toda la ciudad", "em toda a cidade", "across the city"],
  ["en el área metropolitana", "na região metropolitana", "in the metropolitan area"],
  ["en los barrios costeros", "nos bairros litorâneos", "in coastal neighbourhoods"],
  ["en la zona norte", "na zona norte", "in the northern district"],
  ["en las escuelas públicas", "nas escolas públicas", "in public schools"],
  ["en los conjuntos habitacionales", "nos conjuntos habitacionais", "in housing estates"],
  ["en los barrios populares", "nas comunidades populares", "in low-income neighbourhoods"],
  ["en la ribera del río", "na orla do rio", "along the riverfront"],
];

export interface Instrument {
  title: Aligned;
  /** With the indefinite article: "un programa". */
  indefinite: Aligned;
}

export const instruments: Instrument[] = [
  { title: ["Programa", "Programa", "Programme"], indefinite: ["un programa", "um programa", "a programme"] },
  { title: ["Plan municipal", "Plano municipal", "Municipal plan"], indefinite: ["un plan municipal", "um plano municipal", "a municipal plan"] },
  { title: ["Red", "Rede", "Network"], indefinite: ["una red", "uma rede", "a network"] },
  { title: ["Proyecto piloto", "Projeto piloto", "Pilot project"], indefinite: ["un proyecto piloto", "um projeto piloto", "a pilot project"] },
  { title: ["Observatorio", "Observatório", "Observatory"], indefinite: ["un observatorio", "um observatório", "an observatory"] },
  { title: ["Política pública", "Política pública", "Public policy"], indefinite: ["una política pública", "uma política pública", "a public policy"] },
  { title: ["Estrategia", "Estratégia", "Strategy"], indefinite: ["una estrategia", "uma estratégia", "a strategy"] },
  { title: ["Fondo", "Fundo", "Fund"], indefinite: ["un fondo", "um fundo", "a fund"] },
  { title: ["Mesa intersectorial", "Mesa intersetorial", "Cross-sector roundtable"], indefinite: ["una mesa intersectorial", "uma mesa intersetorial", "a cross-sector roundtable"] },
  { title: ["Laboratorio", "Laboratório", "Lab"], indefinite: ["un laboratorio", "um laboratório", "a lab"] },
  { title: ["Ordenanza", "Lei municipal", "Bylaw"], indefinite: ["una ordenanza", "uma lei municipal", "a bylaw"] },
];

export const methods: Aligned[] = [
  ["con participación vecinal", "com participação dos moradores", "with residents' participation"],
  ["mediante convenios con universidades", "por meio de convênios com universidades", "through agreements with universities"],
  ["con financiamiento internacional", "com financiamento internacional", "with international funding"],
  ["con una plataforma digital", "com uma plataforma digital", "with a digital platform"],
  ["junto con organizaciones sociales", "junto com organizações sociais", "together with community organisations"],
  ["con presupuesto municipal propio", "com orçamento municipal próprio", "with the city's own budget"],
  ["con asistencia técnica de la red", "com assistência técnica da rede", "with technical assistance from the network"],
  ["mediante alianzas público-privadas", "por meio de parcerias público-privadas", "through public–private partnerships"],
  ["con brigadas territoriales", "com equipes territoriais", "with outreach teams"],
  ["mediante cooperación descentralizada", "por meio de cooperação descentralizada", "through decentralised cooperation"],
];

export const actors: Aligned[] = [
  ["la municipalidad", "a prefeitura", "the city council"],
  ["el gobierno local", "o governo local", "the local government"],
  ["la intendencia", "a administração municipal", "the municipal administration"],
  ["la secretaría de desarrollo social", "a secretaria de desenvolvimento social", "the social development department"],
  ["la secretaría de ambiente", "a secretaria de meio ambiente", "the environment department"],
  ["la dirección de planeamiento urbano", "a secretaria de planejamento urbano", "the urban planning department"],
];

export const verbs: Aligned[] = [
  ["puso en marcha", "implantou", "launched"],
  ["creó", "criou", "created"],
  ["impulsó", "promoveu", "promoted"],
  ["amplió", "ampliou", "expanded"],
  ["diseñó", "elaborou", "designed"],
  ["institucionalizó", "institucionalizou", "made permanent"],
];

export const brands: Aligned[] = [
  ["Barrio Vivo", "Bairro Vivo", "Living Neighbourhood"],
  ["Ciudad Verde", "Cidade Verde", "Green City"],
  ["Manos a la Obra", "Mãos à Obra", "Hands On"],
  ["Nuestro Barrio", "Nosso Bairro", "Our Neighbourhood"],
  ["Ciudad Cuidadora", "Cidade Cuidadora", "Caring City"],
  ["Puertas Abiertas", "Portas Abertas", "Open Doors"],
  ["Raíces", "Raízes", "Roots"],
  ["Futuro Joven", "Futuro Jovem", "Young Future"],
  ["Tejiendo Redes", "Tecendo Redes", "Weaving Networks"],
  ["Ciudad de Todos", "Cidade de Todos", "City for All"],
  ["Sembrar Ciudad", "Semear Cidade", "Sowing the City"],
  ["Pasos Seguros", "Passos Seguros", "Safe Steps"],
  ["Vecinos en Red", "Vizinhos em Rede", "Neighbours Connected"],
  ["Ciudad Abierta", "Cidade Aberta", "Open City"],
  ["Crecer Juntos", "Crescer Juntos", "Growing Together"],
  ["Mi Lugar", "Meu Lugar", "My Place"],
];

export const lessons: Aligned[] = [
  ["La participación de la comunidad desde el diagnóstico fue clave para sostener el proyecto.", "A participação da comunidade desde o diagnóstico foi fundamental para sustentar o projeto.", "Involving the community from the diagnosis onwards was key to sustaining the project."],
  ["La coordinación entre secretarías evitó superposiciones y redujo costos.", "A coordenação entre secretarias evitou sobreposições e reduziu custos.", "Coordination between departments avoided overlaps and cut costs."],
  ["Contar con datos abiertos permitió medir resultados y corregir el rumbo.", "Contar com dados abertos permitiu medir resultados e corrigir o rumo.", "Open data made it possible to measure results and change course."],
  ["La continuidad más allá de los cambios de gobierno requiere una norma municipal.", "A continuidade além das mudanças de governo exige uma norma municipal.", "Continuity beyond changes of government requires a municipal regulation."],
  ["Las alianzas con universidades aportaron una evaluación independiente.", "As parcerias com universidades trouxeram uma avaliação independente.", "Partnerships with universities provided an independent evaluation."],
  ["Empezar con un piloto pequeño facilitó ajustar el diseño antes de ampliarlo.", "Começar com um piloto pequeno facilitou ajustar o desenho antes de ampliá-lo.", "Starting with a small pilot made it easier to adjust the design before scaling up."],
  ["La comunicación en lenguaje claro aumentó la confianza de los vecinos.", "A comunicação em linguagem simples aumentou a confiança dos moradores.", "Plain-language communication increased residents' trust."],
  ["El financiamiento plurianual dio estabilidad a los equipos técnicos.", "O financiamento plurianual deu estabilidade às equipes técnicas.", "Multi-year funding gave stability to the technical teams."],
  ["Trabajar con organizaciones de base permitió llegar a quienes nunca se acercaban al municipio.", "Trabalhar com organizações de base permitiu chegar a quem nunca procurava a prefeitura.", "Working with grassroots organisations reached people who never approached the city hall."],
  ["La perspectiva de género debe estar presente desde el diseño.", "A perspectiva de gênero deve estar presente desde o desenho.", "A gender perspective must be there from the design stage."],
  ["Los indicadores simples, publicados cada trimestre, mantuvieron el compromiso político.", "Indicadores simples, publicados a cada trimestre, mantiveram o compromisso político.", "Simple indicators, published every quarter, kept political commitment alive."],
];

export const replications: Aligned[] = [
  ["Otra ciudad puede empezar por un mapa de necesidades por barrio y un equipo intersectorial pequeño.", "Outra cidade pode começar por um mapa de necessidades por bairro e uma pequena equipe intersetorial.", "Another city can start with a map of needs by neighbourhood and a small cross-sector team."],
  ["Es replicable en municipios medianos con un presupuesto modesto y el apoyo de una universidad local.", "É replicável em municípios médios com um orçamento modesto e o apoio de uma universidade local.", "It can be replicated in mid-sized municipalities with a modest budget and support from a local university."],
  ["Se recomienda aprobar una normativa municipal que garantice la continuidad.", "Recomenda-se aprovar uma norma municipal que garanta a continuidade.", "Passing a municipal regulation that guarantees continuity is recommended."],
  ["Los materiales, protocolos y el software utilizados están disponibles para otras ciudades de la red.", "Os materiais, protocolos e o software utilizados estão disponíveis para outras cidades da rede.", "The materials, protocols and software used are available to other cities in the network."],
  ["La cooperación descentralizada entre ciudades facilitó el intercambio de técnicos.", "A cooperação descentralizada entre cidades facilitou o intercâmbio de técnicos.", "Decentralised cooperation between cities made staff exchanges easier."],
  ["Requiere un acuerdo previo con las organizaciones del territorio y metas medibles.", "Requer um acordo prévio com as organizações do território e metas mensuráveis.", "It needs a prior agreement with local organisations and measurable targets."],
  ["Conviene formar primero a los equipos municipales y luego abrir la convocatoria a los barrios.", "Convém capacitar primeiro as equipes municipais e depois abrir a chamada aos bairros.", "It is best to train municipal teams first and then open the call to the neighbourhoods."],
];

export const firstNames = ["Ana", "João", "María", "Lucía", "Pedro", "Camila", "Diego", "Valentina", "Marcos", "Fernanda", "Sofía", "Rafael", "Beatriz", "Tomás", "Julia", "Andrés"];
export const lastNames = ["Souza", "Pereyra", "Fernández", "Silva", "Gómez", "Oliveira", "Rodríguez", "Costa", "Martínez", "Almeida", "López", "Santos", "Ramírez", "Ferreira"];
export const positions: Aligned[] = [
  ["Coordinadora del programa", "Coordenadora do programa", "Programme coordinator"],
  ["Director de planeamiento", "Diretor de planejamento", "Director of planning"],
  ["Secretaria de desarrollo social", "Secretária de desenvolvimento social", "Head of social development"],
  ["Técnico de relaciones internacionales", "Técnico de relações internacionais", "International relations officer"],
];
