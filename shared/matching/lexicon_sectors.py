# ruff: noqa: E501  (data table: one concept a line)
"""Finer sector vocabulary (data only; parsed after :mod:`lexicon_generic`).

Same format as :data:`shared.matching.lexicon_data.LEXICON`. Two jobs:

* Split broad concepts that lumped different trades together, so that companies that only
  share a broad field are siblings (related for a need, not an overlap): a care home and a
  physiotherapy clinic, a brewery and a distillery, a shoe maker and a tannery.
* Cover the trades of care and health services, drinks, footwear and leather, facility
  services (cleaning, laundry, security), and more crops, sea and port, industrial and
  service trades that recur in regional workshops, in both languages. A term that also
  belongs to an older concept is left out unless the new concept is its child
  ("plantillas" is staff before it is insoles).

Written from general knowledge of those trades, as a word list, not from labelled items.
"""

from __future__ import annotations

LEXICON_SECTORS = r"""
# ---------------------------------------------------------------- care and health services
elderly_care | healthcare | elderly care, aged care, care home, care homes, nursing home, nursing homes, residential care, assisted living, assisted-living, retirement home, retirement homes, senior living, seniors, older people, elderly, day centre, day center, respite care, respite | cuidado de mayores, residencias, residencia de mayores, residencias de mayores, residencia geriatrica, residencias geriatricas, geriatrico, personas mayores, tercera edad, centro de dia, centros de dia, plazas residenciales, respiro familiar, personas dependientes
home_care | healthcare | home care, homecare, domiciliary care, care at home, live-in care, carers at home | ayuda a domicilio, atencion domiciliaria, cuidados a domicilio, servicio de ayuda a domicilio, asistencia domiciliaria, cuidado en casa
telecare | healthcare, iot | telecare, telehealth, remote monitoring, fall detection, fall alerts, fall-detection, personal alarms, wearables, alarm pendants | teleasistencia, telemedicina, deteccion de caidas, alarmas de caidas, pulsera de emergencia, monitorizacion remota
care_workers | staff | carers, carer, care workers, care worker, care staff, caregivers, care assistants, nurses, nursing staff, auxiliary nurses | cuidadoras, cuidadores, cuidadora, gerocultoras, gerocultores, gerocultora, auxiliares de enfermeria, enfermeras, enfermeros, personal sociosanitario, personal de enfermeria
physiotherapy | healthcare | physiotherapy, physiotherapists, physio, physios, rehabilitation, rehab, occupational therapy, fall prevention | fisioterapia, fisioterapeutas, fisioterapeuta, rehabilitacion fisica, terapia ocupacional, prevencion de caidas
clinics*0.9 | healthcare | private clinics, medical centres, medical centers, outpatient, health centres | clinicas privadas, centros medicos, centros de salud, policlinica
dental | healthcare | dental, dentists, dentist, dental clinics, orthodontics | dental, dentistas, dentista, clinicas dentales, ortodoncia
pharmacy | healthcare, pharma | pharmacy, pharmacies, chemist, chemists, pharmacists | farmacia, farmacias, farmaceuticos, oficina de farmacia
mental_health | healthcare | mental health, psychology, psychologists, therapy, counselling | salud mental, psicologia, psicologos, terapia, bienestar emocional
special_diets | hospitality_food | special diets, dysphagia, texture-modified, texture modified, pureed meals, puree, therapeutic diets, nutritionist, nutritionists, gluten-free | disfagia, texturas modificadas, textura modificada, triturados, menus triturados, dietas especiales, dietas terapeuticas, nutricionista, nutricionistas, sin gluten
institutional_catering | hospitality_food | contract catering, institutional catering, school meals, meals for care homes, canteens, canteen, meal delivery | catering para residencias, colectividades, comedores, comedor, comedores escolares, cocina para colectividades, reparto de comidas
# ---------------------------------------------------------------- facility services
facility_services*0.8 | | facility services, facilities management, facility management | servicios generales, mantenimiento de edificios
cleaning | facility_services | cleaning, cleaners, cleaning services, commercial cleaning, janitorial, disinfection | limpieza, limpiezas, servicios de limpieza, limpiadoras, desinfeccion, higienizacion
laundry | facility_services | laundry, laundries, linen, linen hire, linen service, bed linen, towels, bed sheets, workwear laundering | lavanderia, lavanderias, lavado de ropa, lenceria, ropa de cama, sabanas, toallas, lavado de uniformes, ropa de residentes
security_services | facility_services | security guards, surveillance, cctv, alarms, access control | vigilancia, seguridad privada, vigilantes, videovigilancia, alarmas, control de accesos
# ---------------------------------------------------------------- drinks
beer | beer_spirits | beer, beers, brewery, breweries, brewer, brewers, brewing, brew, craft brewery, ale, ales, lager, ipa, ipas, pale ale, stout, taproom | cerveza, cervezas, cerveceria, cervecerias, cervecero, cerveceros, cerveza artesana, elaboracion de cerveza
spirits | beer_spirits | spirits, distillery, distilleries, distilling, distiller, gin, whisky, whiskey, rum, vodka, liqueurs, brandy | destileria, destilerias, destilados, ginebra, whisky, ron, vodka, licores, aguardiente
cider | beer_spirits, fruit | cider, ciders, perry | sidra, sidras, sidreria
malt_hops | cereals | malt, malting, maltster, maltings, hops, hop, hop growing | malta, malteria, lupulo, cultivo de lupulo
spent_grain | byproducts | spent grain, brewers grain, draff, pot ale, malt culms | bagazo, bagazo de cerveza, hez de malta
pubs | hospitality_food | pub, pubs, freehouses, freehouse, inns | pub, pubs, tabernas
# ---------------------------------------------------------------- footwear and leather
shoes | footwear | shoes, shoe, footwear manufacturing, shoe making, shoemaking, boots, sandals, heels | zapatos, zapato, fabricacion de calzado, botas, sandalias, calzado de senora, zapateria
sneakers | shoes | sneakers, sports shoes, running shoes | zapatillas, zapatillas deportivas, deportivas, calzado deportivo
shoe_components | footwear, components | soles, sole, outsoles, insoles, heels and soles, shoe components, uppers, stitching, shoe lasts | suelas, suela, tacones, componentes de calzado, aparado, hormas, horma
leather | footwear | leather, tannery, tanneries, tanning, hides, skins, leather goods | piel, cuero, curtido, curtidos, curtidos de piel, teneria, curtidores, pieles, marroquineria
rubber | plastics_mfg | rubber, natural rubber, recycled rubber, rubber granulate, rubber crumb, elastomers | caucho, goma, caucho reciclado, granza de caucho, elastomeros
# ---------------------------------------------------------------- making things
additive_manufacturing | @manufacturing, engineering | 3d printing, additive manufacturing, 3d printed | impresion 3d, fabricacion aditiva, impreso en 3d
scanning_3d | engineering, @digital | 3d scanning, 3d scan, body scanning, foot scanning | escaneado 3d, escaner 3d, escaneo 3d
toys | @manufacturing | toys, toy, games, board games | juguetes, juguete, jugueteria, juegos
jewellery | crafts | jewellery, jewelry, jewellers, watches | joyeria, joyas, relojeria, bisuteria
electronics | @manufacturing | electronics, electronic, printed circuit boards, pcb, pcbs | electronica, electronico, placas electronicas
paper | @manufacturing | paper mill, paper mills, papermaking | papelera, industria papelera
# ---------------------------------------------------------------- trades and services
electrical_installers | @construction, engineering | electrical installers, electrical contractors | instaladores electricos, instalador electrico
plumbing | @construction | plumbing, plumbers | fontaneria, fontaneros
architecture | @construction, design | architecture, architects, architect, interior design, interiors | arquitectura, arquitectos, arquitecto, interiorismo, diseno de interiores
real_estate | @construction | real estate, estate agents, rentals of premises | inmobiliaria, inmobiliario, inmuebles, locales comerciales
audiovisual | marketing | video, videos, audiovisual, photography, photographers, video production | video, videos, audiovisual, fotografia, fotografos, produccion audiovisual
web_design | digital_marketing | web design, landing pages | diseno web, web corporativa
translation | languages | translation, translations, translators, interpreting, localisation | traduccion, traducciones, traductores, interpretacion, localizacion
sport | @health | sport, sports, gym, gyms, fitness, sports clubs | deporte, deportes, gimnasio, gimnasios, fitness, clubes deportivos
beauty | cosmetics | beauty salon, beauty salons, hairdressers, hairdressing, aesthetics | peluqueria, peluquerias, salon de belleza, centros de estetica, estetica
veterinary | livestock | veterinary clinics, veterinary surgeons, pet care | clinicas veterinarias, veterinarios, mascotas
childcare | @people | childcare, kindergarten, kindergartens | guarderia, guarderias, escuela infantil, escuelas infantiles
returns_sizing | ecommerce | product returns, sizing, size guide, wrong sizes | devoluciones, tallaje, guia de tallas
marketplaces | ecommerce | marketplaces, marketplace, amazon, zalando, etsy | marketplaces, marketplace, amazon, zalando
investors | financing | investors, seed round, venture capital, business angels, equity, crowdfunding | inversores, ronda de financiacion, capital riesgo, business angels, crowdfunding
+distribution | | wholesaling, wholesale distribution, drinks distribution, drinks wholesaler | distribucion de bebidas, mayorista de bebidas
+energy_saving | | cheaper energy, energy bills, energy spend | energia mas barata, abaratar la energia, ahorrar energia, gasto en energia
# ---------------------------------------------------------------- crops and food (finer)
greenhouses | vegetables | greenhouse, greenhouses, glasshouse, glasshouses, protected cropping, hydroponics | invernadero, invernaderos, cultivo protegido, hidroponia, hidroponico
ornamental_plants | farming | plant nursery, plant nurseries, ornamental plants, cut flowers, flowers, floriculture, garden centre, garden centres, bedding plants | vivero, viveros, planta ornamental, plantas ornamentales, flor cortada, flores, floricultura, centro de jardineria
berries | fruit | berries, strawberries, strawberry, blueberries, raspberries, soft fruit | frutos rojos, fresones, arandanos, frambuesas
tropical_fruit | fruit | avocado, avocados, mango, mangoes, tropical fruit | aguacate, aguacates, mango, mangos, fruta tropical, frutas tropicales
potatoes | vegetables | potatoes, potato, tubers | patatas, patata, papas
mushrooms | vegetables | mushrooms, mushroom, fungi | champinon, champinones, setas, hongos
confectionery | bakery | confectionery, sweets, chocolate, chocolates, nougat, candy, turron | confiteria, dulces, chocolate, chocolates, turron, turrones, golosinas, caramelos
ice_cream | food_processing | ice cream, ice creams, gelato | helado, helados, heladeria
spices | food_processing | spices, spice, saffron, paprika, condiments, sauces | especias, azafran, pimenton, condimentos, salsas, aderezos
shellfish | seafood | shellfish, mussels, oysters, clams, prawns, crustaceans | marisco, mariscos, mejillon, mejillones, ostras, almejas, gambas, langostinos
fishing_fleet | seafood | fishing fleet, fishing vessels, fishing boats, fish auction, fishermen | flota pesquera, barcos de pesca, buques pesqueros, lonja, lonjas, pescadores, cofradia de pescadores
fertilisers | farming, chemicals | fertilisers, fertilizers, fertiliser, fertilizer, biostimulants, soil improvers | fertilizantes, fertilizante, abonos, abono, bioestimulantes, enmiendas
crop_protection | farming, chemicals | crop protection, pesticides, biocontrol, biopesticides, pest control, plant protection | fitosanitarios, plaguicidas, control biologico, biocontrol, control de plagas, sanidad vegetal
composting | recycling, waste | composting plant, organic waste, food waste, green waste | planta de compostaje, compostaje, biorresiduos, desperdicio alimentario, residuos de poda
# ---------------------------------------------------------------- sea and ports
ports | @logistics | port, ports, seaport, port terminal, container terminal, stevedoring, dock, docks | puerto, puertos, terminal portuaria, terminal de contenedores, estiba, muelle, muelles
shipbuilding | @manufacturing | shipbuilding, shipyard, shipyards, ship repair, boatbuilding, naval engineering | astillero, astilleros, construccion naval, reparacion naval, ingenieria naval
nautical | @tourism | marina, marinas, yachts, yachting, sailing, boat hire, nautical tourism, water sports | nautica, nautico, puertos deportivos, puerto deportivo, vela, alquiler de barcos, turismo nautico, deportes nauticos
offshore_wind | wind_energy | offshore wind, floating wind, offshore wind farms | eolica marina, eolica flotante, parques eolicos marinos
wind_energy | renewable_energy | wind energy, wind power, wind farm, wind farms, wind turbines, turbines | eolica, energia eolica, parque eolico, parques eolicos, aerogeneradores, aerogenerador
# ---------------------------------------------------------------- industry (finer)
aerospace | @manufacturing | aerospace, aeronautics, aeronautical, aircraft, aircraft parts, aviation, space industry | aeronautica, aeronautico, aeroespacial, aviones, aviacion, industria espacial
steel_aluminium | metalworking | steel, stainless steel, aluminium, aluminum, steelworks, steel mill | acero, acero inoxidable, aluminio, acerias, aceria, siderurgia
natural_stone | building_materials | natural stone, marble, granite, quarry, quarries, stone cutting | piedra natural, marmol, granito, cantera, canteras, corte de piedra
optics | @manufacturing, engineering | optics, photonics, optical, lenses | optica, fotonica, lentes
biotech | rd, @health | biotech, biotechnology, biotechnological, life sciences, genomics | biotecnologia, biotecnologica, ciencias de la vida, genomica
adhesives | chemicals | adhesives, glues, sealants | adhesivos, colas, sellantes
detergents | chemicals, cleaning | detergents, cleaning products | detergentes, productos de limpieza
desalination | water_treatment | desalination, desalination plants, reverse osmosis | desalacion, desaladora, desaladoras, osmosis inversa
# ---------------------------------------------------------------- services (finer)
telecoms | @digital | telecoms, telecommunications, fibre optics, fiber optics, broadband, connectivity, 5g, mobile network | telecomunicaciones, fibra optica, banda ancha, conectividad, 5g, red movil
drones | @digital, engineering | drones, drone, uav, unmanned aerial | drones, dron, vehiculos aereos no tripulados
geospatial | @digital | gis, mapping, cartography, satellite imagery, remote sensing, earth observation | sig, cartografia, imagenes de satelite, teledeteccion, observacion de la tierra
video_games | software | video games, videogames, game development, gaming studio | videojuegos, videojuego, desarrollo de videojuegos, estudio de videojuegos
animation | audiovisual | animation, 3d animation, animated, motion graphics | animacion, animacion 3d
music | events | music, live music, concerts, festivals, recording studio | musica, musica en directo, conciertos, festivales, estudio de grabacion
publishing | marketing | publishing, publisher, publishers, magazines | editorial, editoriales, revistas
coworking | real_estate | coworking, co-working, shared offices, flexible offices, business centre | coworking, oficinas compartidas, espacios de trabajo compartido, vivero de empresas
passenger_transport | transport | coach hire, bus services, buses, taxis, passenger transport, shuttle | autocares, autobuses, taxis, transporte de viajeros, lanzaderas
car_rental | passenger_transport | car rental, car hire, vehicle rental, van hire | alquiler de coches, alquiler de vehiculos, rent a car, alquiler de furgonetas
universities | rd, training | university, universities, higher education, business school | universidad, universidades, educacion superior, escuela de negocios
schools | training | schools, primary schools, secondary schools, colleges | colegios, colegio, institutos, centros educativos
fashion_retail | retail, garments | fashion retail, fashion stores, boutiques, clothing stores | tiendas de moda, boutiques, tiendas de ropa
"""
