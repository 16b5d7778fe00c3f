# ruff: noqa: E501  (data table: one concept a line)
"""The bilingual concept lexicon (data only; parsed by :mod:`shared.matching.lexicon`).

One concept a line::

    id | parents | English terms | Spanish terms

* ``id`` may end in ``*W`` to set the concept's weight (specificity; default 1.0). An id
  starting with ``@`` is a broad domain: it links its children but two concepts that only
  share a domain are not considered related.
* ``parents`` are broader concepts or what the concept serves ("biomass boiler" serves
  "energy saving"): a need for the parent is answered by the child.
* Terms are phrases, comma separated. They are normalised like profile items (accents
  folded, stop words dropped, Snowball stems), so "costes energéticos" also matches
  "coste energético" and "energy cost" matches "energy costs".

Written from general knowledge of the business domains of regional multi-company workshops
(agri-food, canning, olive oil, wine, seafood, packaging, logistics, energy, export,
digitalisation, finance, people and training, tourism and hospitality, manufacturing,
textiles, sustainability), not from any one profile set.
"""

from __future__ import annotations

LEXICON = r"""
# ---------------------------------------------------------------- domains
@agrifood*0.5 | | agri-food, agrifood, food, food and drink, foodstuffs, agribusiness | agroalimentario, agroalimentaria, alimentacion, alimentos, alimentario, alimentaria
@energy*0.6 | | energy, power | energia, energetico, energetica
@logistics*0.6 | | logistics, logistic | logistica, logistico
@packaging*0.7 | | packaging, packs, packages | envase, envases, embalaje, embalajes, packaging
@trade*0.5 | | trade, commerce, sales, selling, sell | comercio, comercial, comercializacion, ventas, vender
@digital*0.6 | | digital, digitalisation, digitalization, digitisation, technology, tech, ict | digital, digitalizacion, digitalizarse, digitalizar, transformacion digital, tecnologia, tic
@finance*0.5 | | finance, financing, funding, money, capital | financiacion, financiar, financiero, financiera, fondos
@people*0.5 | | people, human resources, hr, talent, workforce | personas, recursos humanos, rrhh, talento, plantilla
@tourism*0.7 | | tourism, tourist, tourists, travel, travellers, travelers, visitors, visitor | turismo, turistico, turistica, turistas, turista, viajeros, visitantes
@manufacturing*0.5 | | manufacturing, manufacture, manufacturer, manufacturers, factory, factories, plant, production plant | fabricacion, fabricar, fabricante, fabricantes, fabrica, fabricas, planta, nave, naves
@textile*0.7 | | textile, textiles, apparel, fashion | textil, textiles, moda
@sustainability*0.6 | | sustainability, sustainable, green, environmental, eco-friendly, circular | sostenibilidad, sostenible, sostenibles, medioambiental, ambiental, verde, circular
@health*0.6 | | health, healthcare, medical | salud, sanitario, sanitaria, medico
@construction*0.6 | | construction | construccion, edificacion, edificios, obra
@consulting*0.4 | | consulting, consultancy, advice, advisory, consultant, consultants | consultoria, asesoria, asesoramiento, consultor, consultores, asesor, asesores

# ---------------------------------------------------------------- farming and raw products
farming | @agrifood | farming, farm, farms, farmer, farmers, agriculture, agricultural, growing, grower, growers, cultivation, crops, crop | agricultura, agricola, agricolas, cultivo, cultivos, cultivar, agricultor, agricultores, explotacion agraria, finca, fincas
cooperative*0.6 | @agrifood | cooperative, cooperatives, co-op | cooperativa, cooperativas
harvesting | farming | harvest, harvesting, harvester, harvesters, picking | recoleccion, cosecha, cosechadora, recolectar
grape_harvest | harvesting, vineyard | grape harvest, grape harvesting, grape picking | vendimia, vendimiar
agri_machinery | harvesting, machinery | harvesting machinery, harvesting equipment, agricultural machinery, farm machinery, tractor, tractors, vineyard equipment | maquinaria agricola, maquinaria de recoleccion, maquinaria recoleccion, maquinaria de vendimia, tractores, tractor, aperos
agronomy | farming | agronomy, agronomic, agronomist, crop advice | agronomia, agronomico, agronomo, asesoramiento agronomico
irrigation | farming, water_saving | irrigation | riego, regadio
organic | farming, certification |  | bio
vegetables | farming, @agrifood | vegetables, vegetable, veg, horticulture | verduras, verdura, hortalizas, hortaliza, vegetales, vegetal, huerta, horticola
asparagus | vegetables | asparagus | esparrago, esparragos
artichoke | vegetables | artichoke, artichokes | alcachofa, alcachofas
tomato | vegetables | tomato, tomatoes | tomate, tomates
pepper | vegetables | pepper, peppers, piquillo | pimiento, pimientos, piquillo
legumes | vegetables | legumes, pulses, beans, chickpeas, lentils | legumbres, alubias, garbanzos, lentejas, judias
fruit | farming, @agrifood | fruit, fruits | fruta, frutas, fruticola, frutales
citrus | fruit | citrus, oranges, orange, lemons, lemon, mandarins | citricos, naranja, naranjas, limon, limones, mandarinas
stone_fruit | fruit | peaches, peach, apricots, cherries, cherry, plums | melocoton, melocotones, albaricoque, cerezas, cereza, ciruelas
nuts | farming | nuts, almonds, almond, walnuts, pistachios, hazelnuts | frutos secos, almendra, almendras, nueces, pistachos, avellanas
cereals | farming | cereals, cereal, grain, wheat, barley, maize, corn, rice | cereales, cereal, trigo, cebada, maiz, arroz
olive | farming | olive, olives, olive grove, olive groves, olive growers, olive farming | olivo, olivos, olivar, olivares, aceituna, aceitunas, olivarero, olivareros
table_olives | olive | table olives, table olive | aceituna de mesa, aceitunas de mesa, aceitunas mesa
olive_oil | olive, oils | olive oil, olive oils, extra virgin olive oil, evoo, virgin olive oil | aceite de oliva, aceite oliva, aceites de oliva, aove, aceite de oliva virgen extra, aceite de oliva virgen, aceite
oils*0.7 | @agrifood | oil, oils, edible oils, vegetable oils | aceites vegetales, aceites de semillas
olive_mill | olive_oil | olive mill, olive mills, oil mill, olive pressing, olive milling | almazara, almazaras, molturacion, molturacion de aceituna, molino de aceite
olive_pomace | olive_mill, byproducts | olive pomace, olive pits, olive stones, olive pit | alperujo, hueso de aceituna, huesos de aceituna, orujillo
livestock | farming | livestock, herd, animal husbandry | ganaderia, ganado, ganadero, ganaderos, explotacion ganadera
dairy | livestock, @agrifood | dairy, milk, dairy farming, dairy farmers, dairy farm, yoghurt, yogurt | lacteo, lacteos, leche, lecheria, ganaderia lechera, yogur
cheese | dairy | cheese, cheeses, cheese making, cheesemaker | queso, quesos, queseria, quesera
meat | livestock, @agrifood | meat, beef, pork, lamb, butchery, cured meats, ham, sausages | carne, carnes, carnico, carnica, vacuno, porcino, cordero, embutidos, jamon, chacinas
poultry | livestock | poultry, chicken, eggs, egg | avicola, pollo, pollos, huevos, huevo
honey | farming | honey, beekeeping | miel, apicultura
animal_feed | livestock, byproducts | animal feed, feed, fodder | pienso, piensos, alimentacion animal, forraje
seafood | @agrifood | seafood, fish, fishing, fishery, fisheries, shellfish, fishmonger | pescado, pescados, marisco, mariscos, pesca, pesquero, pesquera, productos del mar
salmon | seafood | salmon | salmon
whitefish | seafood | haddock, cod, hake, whitefish | eglefino, bacalao, merluza
tuna | seafood | tuna, anchovies, anchovy, sardines | atun, anchoas, anchoa, sardinas, bonito
aquaculture | seafood, farming | aquaculture, fish farming, fish farm, salmon farming, salmon farm, hatchery, fish hatchery | acuicultura, piscifactoria, piscicultura, criadero
fish_health | aquaculture | veterinary, vet, fish health, animal health | veterinario, veterinaria, sanidad animal

# ---------------------------------------------------------------- food processing
food_processing | @agrifood, @manufacturing | food processing, processing, processor, processors, processed food, food manufacturing, food factory, food factories, food plant | transformacion, procesado, procesamiento, transformados, industria alimentaria, fabrica de alimentos
canning | food_processing | canning, canned, cannery, canneries, preserves, preserved, canned food, canned vegetables, tinned | conserva, conservas, conservera, conserveras, conservero, enlatado, enlatados, conservacion
frozen | food_processing | frozen, freezing, frozen food, deep frozen | congelado, congelados, ultracongelado, ultracongelados, congelacion
ready_meals | food_processing | ready meals, ready meal, prepared meals, prepared dishes, convenience food | platos preparados, plato preparado, comida preparada, precocinados, quinta gama
bakery | food_processing | bakery, bread, pastry, confectionery, biscuits | panaderia, pan, pasteleria, reposteria, confiteria, galletas, obrador
smoking | food_processing | smoking, smoked, smokehouse, smokery, cured, curing | ahumado, ahumados, ahumadero, curado, curacion
drinks | food_processing | drinks, beverages, beverage, juice, juices, soft drinks | bebidas, bebida, zumo, zumos, refrescos
beer_spirits | drinks | alcoholic drinks, alcoholic beverages, craft drinks | bebidas alcoholicas, bebidas espirituosas
coffee | drinks | coffee, tea | cafe, te, infusiones
sterilisation | food_processing, process_heat | sterilisation, sterilization, sterilising, sterilizing, pasteurisation, pasteurization, autoclave, autoclaves, retort, retorts | esterilizacion, esterilizar, pasteurizacion, autoclave, autoclaves
recipes*0.8 | food_processing | recipe, recipes, formulation, formulas | receta, recetas, formulas, formulacion
food_safety | food_processing, certification | food safety, food hygiene, haccp, hygiene, allergen, allergens | seguridad alimentaria, higiene alimentaria, appcc, higiene, alergenos, manipulador de alimentos, manipuladores de alimentos
labelling | packaging, regulation | labelling, labeling, food labelling, nutrition labelling, labels compliance | etiquetado, etiquetado nutricional
gourmet | @agrifood | gourmet, delicatessen, deli, fine food, fine foods, premium food, specialty food | gourmet, delicatessen, productos delicatessen, alimentacion gourmet, productos premium
byproducts | circular_economy | by-products, byproducts, by-product, byproduct, side streams, residues, whey | subproductos, subproducto, residuos organicos, lactosuero, suero, restos

# ---------------------------------------------------------------- wine
wine | drinks | wine, wines, winemaking, wine making, wine production | vino, vinos, vinicola, vinificacion, elaboracion de vino, enologia
winery | wine | winery, wineries, bodega, bodegas, cellar, wine cellar | bodega, bodegas, lagar
vineyard | farming, wine | vineyard, vineyards, vines, grapes, grape, viticulture | vinedo, vinedos, vid, vides, uva, uvas, viticultura, vina, vinas
wine_tourism | winery, tourism_exp | wine tourism, wine tours, wine tour, enotourism, winery visits, cellar door | enoturismo, enoturistica, visitas a bodega, rutas del vino, ruta del vino
tasting | wine_tourism, food_tourism | tasting, tastings, wine tasting, guided tastings | cata, catas, degustacion, degustaciones, catas guiadas
barrels | wine | barrels, barrel, casks, cask, oak barrels | barrica, barricas, toneles, tonel, barriles

# ---------------------------------------------------------------- packaging
containers*0.8 | packaging | containers, container, packaging materials, packaging costs | recipientes, materiales de envase, envases y embalajes, costes de envasado
glass_packaging | containers | glass, glass containers, glass jars, glass bottles, jars, jar, glassworks | vidrio, envases de vidrio, tarros, tarro, frascos, botes de vidrio, botellas de vidrio
bottles | containers | bottles, bottle, bottling, bottler, bottlers | botella, botellas, embotellado, embotellar, embotelladora
metal_cans | containers | tin cans, cans, can, tins, tinplate, aluminium cans, metal packaging | latas, lata, hojalata, envases metalicos, botes metalicos
closures | containers | lids, lid, caps, closures, twist-off, twist off, corks, cork | tapas, tapa, tapones, tapon, cierres, twist-off, corcho, corchos
cardboard | containers | cardboard, boxes, box, cartons, carton, paper packaging | carton, cajas, caja, embalaje de carton
plastic_packaging | containers | plastic packaging, pet | envase plastico
compostable | packaging, circular_economy | sustainable packaging, eco-friendly packaging, green packaging, biodegradable, plasticfree, moulded pulp, molded pulp, pulp, recycled packaging | biodegradable, biodegradables, envases sostenibles, embalaje sostenible, envase sostenible, sinplastico, celulosa moldeada, pulpa
labels | packaging, printing | labels, label, label printing, stickers | etiquetas, etiqueta, impresion de etiquetas, etiquetaje
packaging_design | packaging, design | packaging design, pack design, custom packaging, bespoke packaging | diseno de envases, diseno de envase, envases a medida, diseno de packaging, diseno de embalaje
filling | containers, food_processing | filling, packing, packing line, packaging line, packaging lines, co-packing, copacking | envasado, envasadora, envasar, lineas de envasado, linea de envasado, envasado a maquila
pallets | logistics_ops | pallets, pallet, palletising, palletizing | palet, palets, paletizado, paletizacion

# ---------------------------------------------------------------- logistics
transport | @logistics | transport, transportation, haulage, road haulage, road transport, trucking, lorries, trucks, freight, carrier, carriers, shipping, delivery, deliveries | transporte, transportes, transportista, transporte por carretera, camiones, camion, porte, portes, mercancias, envio, envios, reparto
cold_chain | transport, refrigeration | cold chain, refrigerated transport, refrigerated, temperature-controlled, temperature controlled, reefer, chilled transport, refrigerated road transport | cadena de frio, transporte frigorifico, frigorifico, frigorificos, refrigerado, refrigerados, temperatura controlada
warehousing | logistics_ops | warehousing, warehouse, warehouses, storage, storage space, stock | almacen, almacenes, almacenaje, almacenamiento, almacen logistico, nave logistica
cold_storage | warehousing, refrigeration | cold storage, cold store, cold stores, chilled storage, frozen storage | almacen frigorifico, almacenaje en frio, camara frigorifica, camaras frigorificas, almacen de frio
logistics_ops | @logistics | logistics services, logistics operator, 3pl, fulfilment, fulfillment | operador logistico, servicios logisticos, preparacion de pedidos
freight_forwarding | transport | freight forwarding, forwarder, forwarders, customs, customs clearance, shipping agent | transitario, transitarios, aduanas, despacho aduanero, agente de aduanas
groupage | transport | groupage, consolidated loads, part loads, ltl, shared loads, shared transport | grupaje, cargas compartidas, carga fraccionada, transporte compartido, logistica compartida
return_loads | transport | return loads, return load, backhaul, backhauls, empty runs | cargas de retorno, carga de retorno, retornos, viajes de vuelta
last_mile | transport, ecommerce | last mile, last-mile, home delivery, parcel delivery, couriers, courier | ultima milla, paqueteria, mensajeria, reparto a domicilio
drivers | staff, transport | drivers, driver, lorry drivers, truck drivers, hgv drivers | conductores, conductor, camioneros, chofer, choferes
distribution | trade_channel | distribution, distributor, distributors, wholesale, wholesaler, wholesalers, importer, importers, import, imports, dealer, dealers | distribucion, distribuidor, distribuidores, distribuidora, mayorista, mayoristas, importador, importadores, importacion

# ---------------------------------------------------------------- energy
energy_saving | @energy | energy saving, energy savings, energy efficiency, energy efficient, energy cost, energy costs, energy bill, energy bills, electricity bill, electricity bills, electricity costs, electricity cost, power bill, gas bill, gas bills, gas consumption, energy consumption, electricity consumption, fuel costs, decarbonisation, decarbonization | ahorro energetico, ahorro de energia, eficiencia energetica, coste energetico, costes energeticos, costo energetico, factura energetica, factura electrica, factura de la luz, factura de gas, consumo energetico, consumo de energia, consumo electrico, consumo de gas, gasto energetico, descarbonizacion, descarbonizar
energy_audit | energy_saving, @consulting | energy audit, energy audits, energy assessment, energy survey, energy study | auditoria energetica, auditorias energeticas, diagnostico energetico, estudio energetico, estudio de autoconsumo
renewable_energy | energy_saving | renewable energy, renewables, renewable, clean energy, clean power, green energy | energia renovable, energias renovables, renovables, renovable, energia limpia, energia verde
solar_pv | renewable_energy | solar, solar panels, solar panel, photovoltaic, pv, solar power, solar pv, solar installation, solar roofs | fotovoltaica, fotovoltaicas, fotovoltaico, placas solares, paneles solares, energia solar, instalaciones fotovoltaicas, instalacion fotovoltaica, solar
self_consumption | solar_pv | self-consumption, self consumption, on-site generation, rooftop solar | autoconsumo, autoconsumo solar
solar_thermal | renewable_energy, hot_water | solar thermal, solar hot water, solar water heating, solar collectors | solar termica, energia solar termica, termosolar, captadores solares
hot_water | process_heat | hot water, water heating, sanitary hot water | agua caliente, agua caliente sanitaria, acs
biomass | renewable_energy | biomass | biomasa
biomass_boiler | biomass, process_heat, energy_saving | biomass boiler, biomass boilers, biomass heating | caldera de biomasa, calderas de biomasa, calefaccion de biomasa
biogas | renewable_energy, byproducts | biogas, anaerobic digestion, biomethane | biogas, digestion anaerobia, biometano, digestor
heat_pump | energy_saving, hot_water | heat pump, heat pumps, aerothermal | bomba de calor, bombas de calor, aerotermia
process_heat | energy_saving, @energy | process heat, industrial heat, steam, boiler, boilers, heat, thermal energy, thermal consumption, heat recovery | calor de proceso, calor industrial, vapor, caldera, calderas, calor, energia termica, consumo termico, recuperacion de calor
furnaces | process_heat | ovens, oven, furnace, furnaces, kilns, kiln | hornos, horno
refrigeration | @energy | refrigeration, refrigeration plant, refrigeration plants, cooling, chillers, chiller, cold rooms, industrial refrigeration | refrigeracion, frio industrial, enfriamiento, camaras de frio, instalaciones frigorificas
battery_storage | renewable_energy | battery storage, batteries, battery, energy storage | baterias, bateria, almacenamiento energetico, almacenamiento de energia
ppa | renewable_energy, financing | ppa, power purchase agreement, power purchase agreements | ppa, contrato de compraventa de energia
energy_services | energy_saving | energy services, esco, energy service company, energy management | servicios energeticos, empresa de servicios energeticos, gestion energetica
ev_charging | @energy | ev charging, charging points | puntos de recarga, recarga electrica

# ---------------------------------------------------------------- export and markets
export | internationalisation | export, exports, exporting, exporter, exporters, overseas sales, foreign markets, abroad | exportacion, exportaciones, exportar, exportador, exportadores, exportadora, mercados exteriores, exterior, extranjero
internationalisation | @trade | internationalisation, internationalization, international expansion, international markets, international, market access, new markets, market entry | internacionalizacion, internacional, internacionales, expansion internacional, acceso a mercados, acceso al mercado, mercados internacionales, nuevos mercados
export_promotion | internationalisation | export promotion, export support services, internationalisation services | promocion exterior, promocion internacional, servicios de internacionalizacion
trade_mission | export_promotion | trade mission, trade missions, business mission, sales mission, trade delegation, joint trade mission | mision comercial, misiones comerciales, mision comercial conjunta, mision empresarial, misiones empresariales, mision inversa
trade_fair | export_promotion, marketing | trade fair, trade fairs, trade show, trade shows, fair, fairs, exhibition, expo, travel fairs | feria, ferias, feria comercial, ferias comerciales, salon, exposicion
export_aid | export_promotion, grants | export grants, export aid, icex, export subsidies, export support | ayudas a la exportacion, icex, ayudas exportacion, apoyo a la exportacion
trade_channel*0.6 | @trade | sales channel, sales channels, channel, channels | canal, canales, canal de venta, canales de venta
large_retail | trade_channel | supermarkets, supermarket, retail chains, retailers, large retail, grocery chains, multiples, hypermarkets, grocery retail | supermercados, supermercado, gran distribucion, grandes superficies, cadenas de supermercados, hipermercados, cadenas de distribucion
retail | trade_channel | retail, shop, shops, store, stores, delicatessen retail | tienda, tiendas, comercio minorista, minorista, venta al por menor
horeca | trade_channel | horeca, hospitality channel, foodservice, food service, restaurants trade | horeca, canal horeca, hosteleria y restauracion
ecommerce | trade_channel, @digital | e-commerce, ecommerce, online retail, online sales, online shop, online store, webshop, marketplace, marketplaces, online | comercio electronico, tienda online, tienda en linea, venta online, ventas online, venta por internet, marketplace, online
# geography
@europe*0.7 | markets_geo | europe, european, eu | europa, europeo, europea, ue
france*0.6 | europe | france, french | francia, frances, francesa
germany*0.6 | europe | germany, german | alemania, aleman, alemana
uk*0.6 | europe | uk, united kingdom, britain, great britain, british, england, london, scotland | reino unido, gran bretana, britanico, inglaterra, londres, escocia
netherlands*0.6 | europe | netherlands, holland, dutch | paises bajos, holanda, holandes
italy*0.6 | europe | italy, italian | italia, italiano
portugal*0.6 | europe | portugal, portuguese | portugal, portugues
nordics*0.6 | europe | scandinavia, nordic, nordics, sweden, denmark, norway, finland | escandinavia, nordicos, suecia, dinamarca, noruega, finlandia
spain*0.5 | europe | spain, spanish | espana, espanol, espanola, espanoles, nacional
usa*0.6 | north_america | usa, us, united states, america, american, americans | estados unidos, eeuu, ee uu, usa, norteamerica, estadounidense
canada*0.6 | north_america | canada, canadian | canada
@north_america*0.7 | markets_geo | north america | norteamerica, america del norte
latam*0.6 | markets_geo | latin america, mexico, chile, colombia, brazil, argentina, peru | latinoamerica, america latina, mexico, chile, colombia, brasil, argentina, peru, iberoamerica
asia*0.6 | markets_geo | asia, asian, china, chinese, japan, japanese, korea, singapore, vietnam, india, asian markets | asia, asiatico, asiaticos, china, japon, corea, singapur, vietnam, india, mercados asiaticos
middle_east*0.6 | markets_geo | middle east, gulf, gulf states, gcc, uae, dubai, saudi arabia, qatar | oriente medio, golfo, paises del golfo, emiratos, dubai, arabia saudi, qatar
maghreb*0.6 | markets_geo | morocco, moroccan, north africa, maghreb, algeria, tunisia | marruecos, marroqui, norte de africa, magreb, argelia, tunez
@markets_geo*0.3 | | markets, market | mercado, mercados

# ---------------------------------------------------------------- digital
digitalisation | @digital | digitalisation, digitalization, digital transformation, industry 4.0, digital maturity, smart factory | digitalizacion, transformacion digital, industria 4.0, madurez digital, digitalizarse, digitalizar
erp | digitalisation, software | erp, crm, management software, business software | erp, crm, software de gestion
iot | digitalisation | iot, internet of things, sensors, sensor, telemetry, monitoring | iot, internet de las cosas, sensores, sensor, telemetria, monitorizacion
software | @digital | software, app, apps, application, applications, platform, saas, web development, website, websites | software, aplicacion, aplicaciones, app, plataforma, desarrollo web, pagina web, web
data_ai | digitalisation | data, analytics, big data, artificial intelligence, ai, machine learning | datos, big data, inteligencia artificial, ia, aprendizaje automatico
cybersecurity | @digital | cybersecurity, cyber security, it security, data protection, gdpr | ciberseguridad, seguridad informatica, proteccion de datos, rgpd
traceability | digitalisation, food_safety | traceability, tracking, track and trace, blockchain | trazabilidad, seguimiento, blockchain
automation | digitalisation, @manufacturing | automation, automate, automated, automating, robotics, robot, robots, robotic, cobots, machine vision, vision systems | automatizacion, automatizar, automatizada, robotica, robot, robots, robotizacion, vision artificial
digital_marketing | marketing, @digital | digital marketing, social media, seo, online marketing, online advertising | marketing digital, redes sociales, posicionamiento web, seo, publicidad online
digital_aid | digitalisation, grants | kit digital, digital grants, digitalisation grants | kit digital, ayudas kit digital, ayudas a la digitalizacion

# ---------------------------------------------------------------- finance
financing | @finance | financing, finance, funding, loan, loans, credit, investment, investors, investor, capital, venture capital | financiacion, financiar, prestamo, prestamos, credito, creditos, inversion, inversores, inversor, capital, capital riesgo
grants | financing | grants, grant, subsidies, subsidy, public funding, public aid, aid, incentives, eu funds, next generation | ayudas, ayuda, subvenciones, subvencion, fondos europeos, fondos publicos, incentivos, next generation
rd_funding | grants, innovation | rnd funding, research funding, innovation funding, cdti, horizon europe | financiacion de i+d, ayudas a la i+d, cdti, horizonte europa
leasing | financing | leasing, lease, renting, rental, hire, rent | renting, leasing, alquiler, arrendamiento, alquilar
insurance | @finance | insurance, insurer, credit insurance | seguro, seguros, aseguradora, seguro de credito
accounting | @finance, @consulting | accounting, tax, taxes, bookkeeping, audit, auditing | contabilidad, fiscal, impuestos, gestoria, auditoria contable

# ---------------------------------------------------------------- people and training
training | @people | training, courses, course, learning, upskilling, reskilling, workshops, education, teaching, trainees, trainee, school | formacion, cursos, curso, capacitacion, aprendizaje, talleres formativos, educacion, ensenanza, escuela, alumnos, alumno
vocational_training | training | vocational training, vocational, apprenticeship, apprenticeships, apprentices, apprentice | formacion profesional, fp, fp dual, aprendices, aprendiz
food_safety_training | training, food_safety | food safety training, food hygiene training, food hygiene courses, food hygiene certification, haccp courses, haccp training, food safety courses | formacion en seguridad alimentaria, cursos de manipulador, formacion appcc, curso de manipulador de alimentos
sustainability_training | training, @sustainability | sustainability training, training in sustainability | formacion en sostenibilidad
staff | @people | staff, workers, employees, personnel, labour, labor, hire staff, talent, jobs, skilled workers, employment, workforce | personal, trabajadores, empleados, mano de obra, contratacion, empleo, talento, plantilla
kitchen_staff | staff, hospitality_food | chefs, chef, cooks, cook, kitchen staff, kitchen | cocineros, cocinero, chef, personal de cocina, cocina
languages | training | english, language courses, translation, translators, english-speaking, interpreters | idiomas, ingles, traduccion, traductores, interpretes, clases de ingles
leadership | training | leadership, management training, mentoring, coaching | liderazgo, mentoria, coaching, formacion directiva

# ---------------------------------------------------------------- tourism and hospitality
tourism_exp | @tourism | tours, tour, guided tours, excursions, experiences, tour packages, incoming tourism, sightseeing, itineraries | rutas, visitas guiadas, excursiones, experiencias, paquetes turisticos, turismo receptivo, visitas
food_tourism | tourism_exp, @agrifood | food tourism, gastronomic tourism, culinary tourism, food tours, food experiences, food and wine tours | turismo gastronomico, gastronomia, rutas gastronomicas, experiencias gastronomicas
agritourism | tourism_exp, farming | agritourism, agrotourism, rural tourism, farm stays, farm visits | agroturismo, turismo rural, casa rural, casas rurales
tour_operators | tourism_exp, distribution | tour operator, tour operators, travel agency, travel agencies, dmc | turoperador, turoperadores, agencia de viajes, agencias de viajes, touroperador, turoperadores
accommodation | @tourism | hotel, hotels, accommodation, lodging, hostel, apartments, resort, resorts, bed and breakfast | hotel, hoteles, alojamiento, alojamientos, hostal, apartamentos turisticos, hotelero, hotelera
spa | accommodation | spa, spas, wellness, thermal baths | spa, balneario, bienestar, termas
hospitality_food | @tourism, horeca | restaurant, restaurants, catering, caterer, hospitality, bars, gastrobar | restaurante, restaurantes, catering, hosteleria, restauracion, bares, cocina central
events | @tourism | events, event, corporate events, event planning, mice, meetings, conferences, congresses, congress, incentives, incentive trips, business tourism, weddings | eventos, evento, eventos corporativos, congresos, congreso, reuniones, convenciones, turismo de negocios, turismo de empresa, turismo de congresos, incentivos, bodas
venues | events | venue, venues, meeting rooms, meeting room, event spaces, conference rooms | salas, sala, salas de reuniones, espacios para eventos, salones
tourism_marketing | marketing, @tourism | destination marketing, tourism promotion, joint promotion | promocion turistica, promocion conjunta, marketing turistico

# ---------------------------------------------------------------- marketing and sales
marketing | @trade | marketing, advertising, promotion, communication, pr | marketing, marca, publicidad, promocion, comunicacion
design | @manufacturing | design, designer, designers, industrial design, product design | diseno, disenadores, disenador, diseno industrial, diseno de producto
printing | @manufacturing | printing, print, printed, printers, short-run printing, digital printing | impresion, imprenta, impreso, impresos, impresion digital

# ---------------------------------------------------------------- manufacturing
machinery | @manufacturing | machinery, machines, machine, equipment, machine tools | maquinaria, maquinas, maquina, equipos, bienes de equipo
maintenance | machinery | maintenance, repair, repairs, servicing | mantenimiento, reparacion, reparaciones
metalworking | @manufacturing | metalworking, metal, metals, steel, metal parts, metal components, metal industry | metal, metalurgia, metalmecanica, acero, sector del metal, piezas metalicas
plastics_mfg | @manufacturing | injection moulding, injection molding, plastic parts, plastics processing | inyeccion de plastico, piezas de plastico, transformacion de plasticos
automotive | @manufacturing | automotive, car industry, vehicles, vehicle, car, cars, automotive components, car seats | automocion, automovil, vehiculos, vehiculo, coches, coche, componentes de automocion, asientos
furniture | @manufacturing | furniture, upholstery, woodwork, carpentry | mueble, muebles, mobiliario, tapiceria, carpinteria
ceramics | @manufacturing | ceramics, ceramic, tiles, tile | ceramica, ceramicas, azulejos, baldosas
chemicals | @manufacturing | chemicals, chemical, chemistry, coatings, paints | quimica, quimicos, quimico, recubrimientos, pinturas
cosmetics | chemicals | cosmetics, cosmetic, personal care, soaps | cosmetica, cosmeticos, cuidado personal, jabones
engineering | @manufacturing, @consulting | engineering, engineers, product engineering, prototyping, prototypes, prototype | ingenieria, ingenieros, prototipado, prototipos, prototipo
rd | innovation | r&d, research, research and development, laboratory, lab | i+d, investigacion, laboratorio
innovation | @manufacturing | innovation, innovative, new product development | innovacion, innovador, desarrollo de producto
subcontracting | @manufacturing | subcontracting, subcontractors, subcontractor, outsourcing, contract manufacturing | subcontratacion, subcontratados, subcontratas, externalizacion, fabricacion a terceros
footwear | @textile | footwear | calzado
fabrics | @textile | fabric, fabrics, textiles, woven, weaving, knitting, cloth | tejido, tejidos, tejeduria, tela, telas, tricot, tejer
technical_textiles | fabrics | technical textiles, technical fabric, technical fabrics, flame retardant, fire retardant, fireproof, protective fabrics | tejidos tecnicos, tejido tecnico, textil tecnico, ignifugos, ignifugo, tejidos ignifugos, tejido ignifugo
yarn | @textile | yarn, yarns, spinning, thread, fibre, fiber, fibres, fibers, cotton | hilo, hilos, hilatura, hilaturas, fibra, fibras, algodon
dyeing | @textile | dyeing, dyes, dye, textile finishing, colour, color | tintura, tintes, tinte, tenido, acabado, acabados, acabado textil, color
textile_printing | @textile, printing | textile printing, screen printing, logo printing, embroidery, digital textile printing | estampacion, estampado, estampacion digital, serigrafia, bordado, estampacion de logotipos
garments | @textile | garments, garment, clothing, clothes, apparel manufacturing, sewing, workwear, uniforms, uniform | confeccion, prendas, prenda, ropa, costura, ropa de trabajo, uniformes, uniforme, vestuario laboral
textile_recycling | @textile, recycling | textile recycling, textile waste, used clothing, second-hand clothing, recycled fibre, recycled fiber, recycled cotton | reciclaje textil, residuo textil, residuos textiles, ropa usada, fibra reciclada, algodon reciclado, hilo reciclado

# ---------------------------------------------------------------- sustainability
circular_economy | @sustainability | circular economy, reuse, upcycling, valorisation, valorization, by-product valorisation | economia circular, reutilizacion, valorizacion, aprovechamiento, aprovechar, revalorizacion
recycling | circular_economy, waste | recycling, recycle, recycled, recyclers | reciclaje, reciclar, reciclado, reciclada, recicladores
waste | @sustainability | waste, waste management, residues, refuse, scrap | residuos, residuo, gestion de residuos, desechos, chatarra
water_saving | @sustainability | water saving, water consumption, water use, water efficiency, water footprint, less water, water | ahorro de agua, consumo de agua, uso del agua, huella hidrica, agua
water_treatment | water_saving | water treatment, wastewater, effluent, effluents, wastewater treatment | depuracion, aguas residuales, tratamiento de aguas, depuradora, vertidos
carbon_footprint | @sustainability | carbon footprint, emissions, co2, net zero, carbon neutral | huella de carbono, emisiones, co2, neutralidad climatica
certification | @consulting | certification, certified, certificate, iso, standards, accreditation, grs, brc, ifs | certificacion, certificado, certificados, iso, normas, acreditacion, grs, brc, ifs
regulation*0.7 | @consulting | compliance, regulation, regulations, regulatory, legal, law | normativa, cumplimiento, regulacion, legal, juridico
"""
