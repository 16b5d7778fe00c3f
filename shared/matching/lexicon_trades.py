# ruff: noqa: E501  (data table: one concept a line)
"""Trades of twelve more sectors (data only; parsed after :mod:`lexicon_sectors`).

Same format as :data:`shared.matching.lexicon_data.LEXICON`. Paper, print and packaging;
plastics and chemicals; water, irrigation and energy; wine, arable farming and livestock;
forestry, sawmills and biomass; pharma, medical devices and clinics; creative and digital
agencies; training and employment; building renovation; the automotive aftermarket;
tourism, culture and events. Written in the sixth pass by four helpers from general
knowledge of those trades, with how the engine read the read corpus ``heldout9`` in front
of them; terms that misread other trades were removed from the older tables at the same
time (``lexicon_data``, ``lexicon_generic``, ``lexicon_sectors``).
"""

from __future__ import annotations

LEXICON_TRADES = r"""
# Proposal A: paper, print and packaging; plastics and chemicals; water, irrigation and energy
# ---------------------------------------------------------------- paper and board
+paper | | paper, papers, papermaker, papermakers, paper industry, recycled paper, paper reels, jumbo reels, parent reels, pulp and paper | papel, papeles, papel reciclado, industria del papel, fabrica de papel, bobinas de papel
containerboard | paper | containerboard, testliner, fluting, kraftliner, linerboard, corrugating medium, recycled containerboard, case materials | testliner, fluting, kraftliner, papel para ondular, papel para carton ondulado, papel de embalaje
recovered_paper | recycling | occ bales, recovered paper, waste paper, paper waste, old corrugated containers, occ, mixed paper, baled cardboard, cardboard bales, baled corrugated, paper bales, board offcuts, cardboard waste, waste cardboard, paper and cardboard waste, paper for recycling | papel recuperado, papel usado, papelote, carton usado, carton recuperado, residuos de papel, residuos de carton, balas de carton, carton en balas, recortes de carton
+cardboard | compostable | shipping boxes, shipping cartons, outer cases, transit packaging, box makers, converters, paper and board packaging | cajas de carton, cajas de envio, cajas de expedicion, cartoneras
corrugated | cardboard | corrugated, corrugated board, corrugated cases, corrugated boxes, corrugated packaging, corrugated sheets, corrugators, corrugator, corrugated trays | carton ondulado, cajas de carton ondulado, plancha de carton ondulado, onduladoras
folding_cartons | cardboard | folding cartons, folding carton, cartons for retail, rigid boxes, cartonboard packaging | estuches de carton, estuches, carton plegable, cajas plegables
boxboard | paper | carton board, cartonboard, boxboard, folding boxboard, fbb, paperboard, solid board, greyboard, coated board | carton estucado, cartoncillo, carton gris, cartulina
trays | containers | trays, tray, punnets, punnet, clamshells, clamshell | bandejas, bandeja, tarrinas, tarrina, barquetas, barqueta
+plastics_mfg | | plastic, plastics, plastics industry, plastics sector, plastic products | plastico, plasticos, industria del plastico, sector del plastico, transformados plasticos
# ---------------------------------------------------------------- printing and converting
+printing | | colour management, color management, colour matching, color matching, prepress, pre-press, printing press, printing presses, digital press, litho, lithographic, lithography, litho printing, offset printing, offset press, flexo, flexographic, flexography, flexo printing, gravure, rotogravure, commercial printing, packaging printing, print works, print house | offset, impresion offset, flexografia, flexografica, flexografico, impresion flexografica, huecograbado, rotograbado, artes graficas, industria grafica, imprentas, gestion del color, preimpresion
print_operators | staff, printing | print technician, print technicians, press operators, press operator, printing operators, print operators, machine minders, print finishers, litho printers, flexo printers, press minders | impresores, impresor, maquinistas de impresion, operarios de impresion, tecnicos de impresion, operadores de impresion
print_finishing | printing | print finishing, die-cutting, die cutting, die-cut, die cutter, die-cutter, creasing, folder gluer, folding and gluing, foil stamping, hot foil, embossing, varnishing, finishing line | acabados de impresion, acabados graficos, plegado y engomado, estampacion en caliente, gofrado, barnizado, troqueladora
inks | chemicals, printing | inks, ink, printing inks, water-based inks, flexo inks, uv inks, solvent inks, offset inks, toner, toners | tintas, tinta, tintas de impresion, tintas al agua, tintas base agua, tintas flexograficas
barrier_coatings | chemicals, compostable | barrier coatings, barrier coating, barrier-coated, barrier board, barrier paper, dispersion coatings, aqueous coatings, water-based coatings, heat-seal coatings, functional coatings | recubrimientos barrera, recubrimiento barrera, barnices barrera, carton barrera, papel barrera, recubrimientos al agua
lamination | plastic_film | lamination, laminating, laminates, laminate, laminated film, laminated films | laminado, laminados, laminacion, complejos laminados, laminadora
+metal_forming | | stamping presses, power presses, hydraulic presses, press brake, press brakes, press tools, press shop, metal pressing | prensas de estampacion, prensas hidraulicas
# ---------------------------------------------------------------- plastics and polymers
polymers | chemicals | polymers, polymer, resins, resin, plastic resins, thermoplastics, polyolefins, plastic granules, polymer granules, granulate, plastic pellets, resin pellets, virgin polymer | polimeros, polimero, resinas, resina, poliolefinas, granza, granzas, termoplasticos, granulado, polimero virgen
polyethylene | polymers | polyethylene, polythene, ldpe, lldpe, hdpe, mdpe | polietileno, pebd, pebdl, pead, pelbd
polypropylene | polymers | polypropylene, pp, bopp | polipropileno, pp
recycled_polymers | polymers, recycling | recycled plastic, recycled plastics, recycled polymers, recycled resin, recycled pellets, recycled granulate, regranulate, regrind, pcr resin, post-consumer resin | plastico reciclado, plasticos reciclados, granza reciclada, polimero reciclado, granulado reciclado, regranulado
plastic_recycling | recycling | plastic recycling, plastics recycling, mechanical recycling, chemical recycling, recycling plant, plastic recycler, plastic recyclers | reciclaje de plasticos, reciclado de plasticos, reciclado mecanico, reciclaje mecanico, reciclaje quimico, recicladores de plastico, planta de reciclaje
plastics_converters | plastics_mfg | plastics converters, plastic converters, plastics processors, plastics processing companies | transformadores, transformadores de plastico, transformador de plastico, transformadores de plasticos, transformadores de film
plastic_extrusion | plastics_converters | extrusion, extruder, extruders, extrusion line, extrusion lines, co-extrusion, coextrusion, pipe extrusion, profile extrusion | extrusion, extrusora, extrusoras, lineas de extrusion, linea de extrusion, coextrusion, extrusion de tubo
plastic_film | plastics_mfg | film, films, plastic film, plastic films, pe film, polyethylene film, shrink film, stretch film, agricultural film, greenhouse film, silage film, mulch film, packaging film, food film, base film, blown film, cast film | film, films, pelicula plastica, film plastico, film base, film soplado, retractil, film retractil, film estirable, film agricola, film de invernadero, film de ensilado, film de acolchado, plastico agricola, film alimentario
+steel_aluminium | | aluminium extrusion, aluminium extrusions, aluminum extrusion, aluminium profiles | extrusion de aluminio, perfiles de aluminio
production_scrap | waste, recycling | production scrap, process scrap, industrial scrap, post-industrial scrap, offcuts, off-cuts, edge trim, trimmings, pre-consumer waste, post-industrial waste | scrap industrial, recortes, retales, mermas de produccion, residuo postindustrial, residuos postindustriales, residuo preconsumo
plastic_scrap | production_scrap | plastic scrap, plastic waste, film scrap, film offcuts, plastic offcuts, film waste | recortes de film, recortes de plastico, scrap plastico, residuos plasticos, residuos de plastico, residuos de film
off_spec | production_scrap, surplus | off-spec, off spec, offspec, out of spec, out-of-spec, off-grade, second grade, transition grades | fuera de especificacion, fuera de especificaciones, material off-spec, granza de transicion, material de transicion, segunda calidad
+recycling | | post-consumer, postconsumer, pre-consumer, preconsumer, recyclable, recycled content | postconsumo, preconsumo, reciclable, reciclables, contenido reciclado
+compostable | | recyclable packaging, recyclable pack, recyclable packs, mono-material, monomaterial, mono-material packaging, design for recycling | envases reciclables, envase reciclable, embalaje reciclable, embalajes reciclables, monomaterial, envases monomaterial, ecodiseno de envases
# ---------------------------------------------------------------- chemicals, lab, logistics
food_contact | testing_lab, food_safety | food contact, food-contact, food contact materials, migration testing, migration tests, overall migration, specific migration | contacto alimentario, contacto con alimentos, materiales en contacto con alimentos, aptitud alimentaria, migracion, migraciones, ensayos de migracion, migracion global, migracion especifica
+testing_lab | | validation, validate, validation testing, analytical laboratory, analytical services, chemical analysis, analytical testing, lab analysis, accredited laboratory, accredited lab | validar, validacion, analitica, analiticas, laboratorio analitico, analisis quimico, analisis quimicos, ensayos analiticos, laboratorio acreditado, caracterizacion
+data_ai | | | analitica de datos, analitica web, analitica avanzada
bulk_liquids | @logistics | bulk liquids, liquid bulk, bulk liquid, bulk chemicals, liquid chemicals in bulk | graneles liquidos, granel liquido, liquidos a granel, quimicos a granel
tank_storage | warehousing, bulk_liquids | tank storage, storage tanks, storage tank, tank farm, tank terminal, tanks | tanques, tanque, tanques de almacenamiento, depositos de almacenamiento, parque de tanques, terminal de tanques
+sea_freight | | by sea, ships, vessels, shipping by sea | por mar, barco, barcos, buque, buques, via maritima
+transport | | | entregas, entrega rapida, plazo de entrega, plazos de entrega
+subcontracting | | toll manufacturing, toll processing, tolling | maquila, a maquila, fabricacion a maquila, de terceros, para terceros
+spare_capacity | | available capacity | capacidad disponible
+training | | capacity building |
+electricity | | electrical transformers, power transformers, power grid | transformadores electricos, transformador electrico, red electrica, conexion a la red
+automation | | control room, process control, dcs | sala de control, control de procesos
# ---------------------------------------------------------------- fresh produce and packhouses
fresh_produce | farming, @agrifood | fresh produce, fruit and vegetables, fruit and veg | frutas y hortalizas, frutas y verduras, hortofruticola, hortofruticolas, productos frescos
+fruit | fresh_produce | | melon, melones, sandia, sandias
+vegetables | fresh_produce | lettuce, lettuces, broccoli, cauliflower, celery, salad crops, leafy greens, baby leaf, melons | lechuga, lechugas, brocoli, coliflor, apio, hoja verde
pome_fruit | fruit | top fruit, apples, apple, pears, pear, orchard, orchards | manzanas, manzana, peras, pera, fruta de pepita
packhouse | fresh_produce, filling | packhouse, packhouses, pack house, packing house, packing station, fruit packing, produce packing, fruit packers, grading and packing, fruit grading | central hortofruticola, centrales hortofruticolas, almacen de fruta, almacen hortofruticola, confeccion de fruta, manipulado de fruta, centro de manipulacion
# ---------------------------------------------------------------- waste to energy
energy_from_waste | renewable_energy | energy from waste, energy-from-waste, efw, waste to energy, waste-to-energy, incineration, incinerator, waste incineration, energy recovery plant | valorizacion energetica, planta de valorizacion energetica, incineradora, incineracion, incineracion de residuos
rdf | fuel, energy_from_waste | rdf, srf, refuse-derived fuel, refuse derived fuel, solid recovered fuel, waste-derived fuel, alternative fuels | csr, combustible solido recuperado, combustible derivado de residuos, combustibles alternativos
pulper_rejects | rdf, byproducts | pulper rejects, paper rejects, process rejects, paper mill rejects, reject loads | rechazos de pulper, rechazo de pulper, rechazos de papelera
sludge | byproducts, waste | sludge, sludges, sewage sludge, paper sludge, biosolids, de-watered sludge, dewatered sludge | lodos, lodo, fangos, lodos de depuradora, lodos deshidratados
+waste | | residual waste, commercial waste, commercial and industrial waste, municipal waste, msw, non-recyclable, non recyclable | residuo no reciclable, residuos no reciclables, no reciclable, no reciclables
waste_disposal | waste | waste disposal, disposal costs, gate fee, gate fees, tipping fee, tipping fees, landfill tax, landfill costs | eliminacion de residuos, coste de eliminacion, canon de vertido, tasa de vertido, gestion de rechazos
ash | byproducts, building_materials | ash, bottom ash, fly ash, incinerator bottom ash, iba, slag | cenizas, ceniza, cenizas volantes, escorias, escoria
+composting | | composted sludge, composted material, green compost | compost, compostado, compostados, compostada, compostable, compostables
+compostable | | compostable packaging, home compostable, compostable materials | envases compostables, envase compostable, materiales compostables, embalaje compostable
+retail | | retail outlets, outlet store, outlet stores, factory outlet, farm shops, farm shop, farmers markets | tiendas de proximidad
# ---------------------------------------------------------------- water, irrigation, desalination
water_supply | water_saving | water supply, water resources, irrigation water, extra water, water allocation | agua de riego, agua para riego, suministro de agua, recursos hidricos, abastecimiento de agua, dotaciones de agua
+desalination | water_supply | desalination plant, desalinated water, desalinated, brackish water, seawater desalination, ro plants, ro plant | desalinizacion, desalinizadora, agua desalada, desalado, desalada, agua salobre, salobre
membranes | water_treatment | membranes, membrane, reverse osmosis membranes, ro membranes, ro elements, membrane elements, membrane cleaning, pressure vessels, ultrafiltration | membranas, membrana, membranas de osmosis, elementos de osmosis, ultrafiltracion
water_reuse | water_treatment, water_supply, water_saving | reclaimed water, recycled water, water reuse, wastewater reuse, treated wastewater, regenerated water | agua regenerada, aguas regeneradas, reutilizacion de agua, reutilizacion de aguas, agua depurada, aguas depuradas
+water_treatment | | wastewater treatment plant, wastewater treatment plants, wwtp, sewage treatment, sewage works, tertiary treatment, treatment plants, wastewater plants | edar, edars, estacion depuradora, tratamiento terciario, tratamientos terciarios, depuracion de aguas
brine | desalination, byproducts | brine, brine discharge, reject brine, brine concentrate | salmuera, salmueras, vertido de salmuera, rechazo de salmuera
aeration | water_treatment | aeration, blowers, aeration blowers | aireacion, soplantes
+iot | | probes, soil probes, moisture probes, soil moisture sensors, water quality sensors | sondas, sonda, sondas de humedad, sensores de humedad
irrigation_equipment | irrigation | drip irrigation, drip line, drip lines, dripline, drip tape, drip systems, drippers, emitters, sprinklers, micro-irrigation, irrigation systems, irrigation equipment, fertigation, irrigation heads | riego por goteo, goteo, gotero, goteros, cinta de goteo, tuberia de goteo, tuberias de goteo, microrriego, sistemas de riego, riego localizado, fertirrigacion, cabezales de riego, cabezal de riego
irrigation_communities | irrigation, farming | irrigation communities, irrigation community, water user associations | comunidades de regantes, comunidad de regantes, regantes
installers | @construction | installers, installer, installation companies, fitters, design and installation, supply and installation, installation and maintenance | instaladores, instalador, empresas instaladoras, instaladoras, montadores, diseno e instalacion, instalacion y mantenimiento, suministro e instalacion
+electrical_installers | installers | electricians, electrician | electricistas, electricista
seasonal_workers | staff | seasonal workers, seasonal staff, seasonal labour, seasonal labor, seasonal pickers, harvest workers, fruit pickers, pickers, packhouse staff, packhouse workers, temporary workers, temps, agency workers | temporeros, temporeras, trabajadores de temporada, personal de temporada, trabajadores temporales, trabajadores de campana, recolectores
pumping | water_supply | pumping, water pumps, pumping stations, pumping station, pumps | bombeo, bombas de agua, estaciones de bombeo, estacion de bombeo, bombas, grupos de bombeo
solar_pumping | pumping, solar_pv | solar pumping, solar water pumps, solar pumps | bombeo solar, bombeo fotovoltaico, bombas solares
# ---------------------------------------------------------------- solar and power projects
+solar_pv | | solar parks, solar park, solar farms, pv plants, pv plant, photovoltaic plants, utility-scale solar | parques solares, parque solar, plantas fotovoltaicas, planta fotovoltaica, huertos solares
epc | engineering | epc, epc contractor, epc contractors, epc contracting, engineering procurement and construction | epc, contratista epc, contratistas epc
o_and_m | maintenance | o&m, o&m contractors, o&m contractor, operation and maintenance, operations and maintenance, plant operation | o&m, operacion y mantenimiento, explotacion y mantenimiento
+ppa | | ppas, fixed-price ppa, fixed-price power, fixed price electricity, corporate ppa | ppas, precio fijo de la energia, contrato ppa
+energy_saving | | electricity prices, power prices, gas cost, gas costs, gas price, gas prices, pool price, wholesale electricity price, wholesale power price | coste electrico, costes electricos, coste de la electricidad, coste de la energia, precio de la electricidad, precio de la luz, facturas energeticas, precio del pool, precio mayorista de la electricidad, coste del gas, coste del gas natural, costes de gas, precio del gas
drying | @manufacturing | drying, dryer, dryers, drying tunnel, drying tunnels, uv drying, uv curing, industrial dryers | secado, secaderos, secadero, secadoras, tunel de secado, tuneles de secado, secado uv
+process_heat | | process steam, low-pressure steam, high-pressure steam, steam supply, dryer section, drying section, steam-heated dryers | vapor de proceso, vapor de baja presion, vapor de alta presion, suministro de vapor
land | real_estate | farmland, agricultural land, land lease, land leases, land rental, plots of land, plots, landowners, landowner, dryland, dry land, arable land, hectares | terrenos, terreno, parcelas, parcela, tierras de cultivo, secano, propietarios de terrenos, arrendamiento de terrenos, alquiler de terrenos, hectareas, suelo rustico
+farming | | | sector del campo, trabajo en el campo, explotacion agricola, explotaciones agricolas, explotacion familiar, explotaciones familiares
+tourism_exp | | incoming agency, incoming agencies, inbound tourism |
+investors | | private equity |
# ---------------------------------------------------------------- longer phrases so that the new single words keep their other senses
+energy_audit | | energy performance certificate, energy performance certificates, epc rating, epc ratings | certificado energetico, certificacion energetica
+automotive | | catalytic converters, catalytic converter | catalizadores
+electronics | | power converters, frequency converters, power electronics | convertidores de potencia, electronica de potencia
+audiovisual | | film production, film industry, filmmaking, film festival, film crew, short films | produccion cinematografica, rodajes
+building_materials | | laminate flooring, laminated glass | suelo laminado, vidrio laminado
+steel_aluminium | | cold rolling, hot rolling | laminado en frio, laminado en caliente, chapa laminada
+animal_feed | | hay bales, straw bales, hay, straw | pacas de heno, pacas de paja, heno, paja
+financing | | bank guarantees, loan guarantees | avales bancarios

# ---------------------------------------------------------------- Spanish regions (places: context, not trades)
catalonia*0.4 | spain | catalonia, barcelona, tarragona, girona, lleida | cataluna, catalunya, barcelona, tarragona, camp de tarragona, girona, lleida
# Proposal B: wine (Rioja), livestock and cereals (Lincolnshire), forestry and timber (Galicia)
# ---------------- misreadings fixed by removal (each with the phrases that keep the right sense)
# "finishing" of cattle and pigs was read as textile finishing
+dyeing | | fabric finishing, dyeing and finishing | tintoreria, tintorerias, colorantes textiles
# "madera" / "wood" is the material of many trades, not furniture
+furniture | | wooden furniture, furniture making | muebles de madera, fabricacion de muebles
# "management" was read as staff through "managers"; "developers" are software or property developers only in a phrase
+staff | | software developers, web developers, app developers |
+real_estate | | property developers, housing developers, real estate developers | promotores inmobiliarios
# "forward" (forward price contracts) was read as freight forwarding
# "heat" was read as HVAC through "heating"; space heating keeps its phrases
+hvac | | space heating, central heating, heating system, heating systems, building heating |
# "digestate" is not the digester
+biogas | | anaerobic digester, anaerobic digesters, ad plant, biogas plant | planta de biogas
# "vina" shares the stem of "vino": a wine need was read as a vineyard
# organic is a way of producing (an attribute), not a certification service
organic_production | farming | organic, organically, organic farming, organic produce, organic wine, organic wines | ecologico, ecologica, ecologicos, ecologicas, organico, organica, agricultura ecologica, vino ecologico, vinos ecologicos, produccion ecologica
+organic | | organic certification, certified organic, organic standard, soil association | certificacion ecologica, certificado ecologico, sello ecologico, ccpae, caecv
# ---------------- places and generic words
# Spanish regions are places (a shared "Rioja" is not a shared trade); "near X" is not a trade
+spain | | galicia, rioja, la rioja, navarra, castilla y leon, andalucia, catalonia, ribera del duero | galicia, gallego, gallega, rioja, la rioja, rioja alta, rioja alavesa, rioja baja, navarra, castilla y leon, andalucia, cataluna, ribera del duero
@proximity*0.3 | | near, nearby, locally sourced, local sourcing, locally produced | locales, cercania, de proximidad, km 0, kilometro cero, producto local, productos locales
+trade | | sold, sells | vendido, vendida, vendidos, vendidas
+grants | | tax incentives, investment incentives | incentivos fiscales, incentivos regionales, incentivos a la inversion
# ---------------- wine
+wine | | red wine, red wines, rose wine, white wine, young wine, doca, designation of origin wine | vino tinto, vinos tintos, tinto joven, vino joven, vino rosado, vino blanco, vinos blancos, doca, denominacion de origen calificada, vinico, vinica, vinicola
+vineyard | | winegrower, winegrowers, grape grower, grape growers, vine growers, vineyard management, old vines | viticultor, viticultores, viticultora, vinas viejas, gestion de vinedo, parcelas de vinedo
grape_variety*0.8 | wine | tempranillo, garnacha, grenache, graciano, mazuelo, viura, albarino, verdejo, godello, mencia, cabernet sauvignon, merlot, chardonnay, syrah, monastrell, bobal | tempranillo, garnacha, graciano, mazuelo, viura, albarino, verdejo, godello, mencia, monastrell, bobal
wine_ageing | barrels | barrel ageing, barrel aging, oak ageing, cask ageing, aged in oak | crianza, crianza en barrica, envejecimiento en barrica, vinos de crianza, bodegas de crianza
bulk_goods*0.8 | @trade | bulk wine, bulk oil, bulk sales | granel, a granel, graneles, venta a granel
barrel_staves | hardwood, barrels | staves, barrel staves, stave wood | duela, duelas, duelas de roble
# pomace: "orujo" is grape marc in a winery and olive pomace in a mill
pomace | byproducts | pomace, marc | orujo, orujos
+olive_pomace | pomace | olive pomace | orujo de aceituna, orujo graso
grape_marc | pomace | grape marc, grape pomace, wine lees, lees, grape stalks, grape skins, grape seeds, tartaric acid, tartrates | orujo de uva, orujos de uva, lias, lias de vino, heces de vino, raspon, raspones, escobajo, hollejo, hollejos, pepitas de uva, granilla, acido tartarico, tartratos
+spirits | | wine spirit, wine alcohol, grape spirit, grappa, marc brandy | alcohol vinico, alcohol de vino, alcoholera, alcoholeras, aguardiente de orujo, aguardientes de orujo, licor de orujo, licoreras, licorera
+spirits | | wine distillation, marc distillation | destilacion de orujos, destilacion de vino, destilacion de alcohol, destilacion de lias
vine_prunings | byproducts | vine prunings, vine cuttings, vine shoots | sarmiento, sarmientos, sarmientos de poda, restos de poda, restos de poda de vinedo
# vineyard and farm contracting is a service (machines and crews)
agri_contracting | farming, machinery | agricultural contractor, agricultural contractors, agricultural contracting, agri contracting, farm contractor, farm contractors, contract farming, contracting services, mechanical harvesting, drilling and spraying, spraying and combining, contract combining, contract spraying | servicios agricolas, trabajos agricolas, contratista agricola, labores agricolas, externalizar labores, vendimia mecanizada, cosecha mecanizada, recoleccion mecanizada
vineyard_work | agri_contracting | vine pruning, pruning, canopy management, leaf removal, vineyard work, vineyard labour | poda, podas, poda en verde, espergura, deshojado, despampanado, labores de vinedo, trabajos de vinedo
+agri_machinery | | grape harvester, grape harvesters, combine harvester, combine harvesters, balers, sprayer, sprayers, seed drill, seed drills | maquina vendimiadora, maquinas vendimiadoras, cosechadoras, empacadoras, pulverizadores, sembradoras
+staff | | tractor drivers, pruners, stockpeople, stockmen, stockman, herdsman, graders, seasonal pickers, seasonal labour, machine operators | tractoristas, tractorista, podadores, podador, cuadrillas, cuadrilla, motoserristas, carpinteros, montadores
manure_spreading | agri_contracting | muck spreading, manure spreading, slurry spreading, digestate spreading, dribble bar, trailing shoe | esparcido de estiercol, aplicacion de purines
# wine tourism
+wine_tourism | | wine tourists, wine lovers | enoturistas, enoturista
+tour_operators | | incoming agencies, travel agents | agencias de enoturismo, agencias receptivas, agencias de turismo
+tour_operators | | tour packages for tourists | paquetes para turistas
group_travel | tourism_exp | group travel, group tours, tour groups, groups of tourists, coach groups | grupos de turistas, grupos organizados, viajes en grupo, grupos de enoturismo
+off_season | | occupancy, occupancy rate, midweek, all year round, year-round, year round, in winter | ocupacion hotelera, mas ocupacion, ocupacion entre semana, entre semana, todo el ano, en invierno, temporada de invierno
# ---------------- livestock and arable
# livestock species are children of livestock: a sheep farm answers "sheep to graze", not a pig unit
+livestock | | finishing units, livestock farms, livestock farm, stock farming | cebadero, cebaderos
cattle*0.85 | livestock | cattle, store cattle, beef cattle, suckler cows, suckler herd, bullocks, steers, heifers, calves, finishing cattle | ganado vacuno, vacuno de carne, terneros, vacas, novillos, cebo de terneros
pigs*0.85 | livestock | pigs, pig, sows, sow, piglets, gilts, weaners, pig farming, pig unit, pig units, outdoor pigs, pig herd, finishing pigs | cerdos, cerdo, cerdas, lechones, granja porcina, granjas porcinas, explotacion porcina, ganado porcino
sheep*0.85 | livestock | sheep, ewes, ewe, flock, flocks, lambing, sheep farming, shepherds, rams | ovejas, oveja, ovino, ganado ovino, rebano, rebanos
livestock_breeding | livestock | breeding herd, breeding stock, livestock breeding, animal breeding, pig breeding, cattle breeding, breeding sows | cria de ganado, reproductoras, cerdas reproductoras, genetica animal
grazing | livestock | grazing, graze, pasture, pastures, grassland, leys, herbal leys, winter grazing, grass keep | pastoreo, pastos, pastizales, praderas, prados
abattoir | meat, food_processing | abattoir, abattoirs, slaughterhouse, slaughterhouses, meat processor, meat processors, pig processor, deadweight | matadero, mataderos, sala de despiece, industria carnica
arable | farming | arable, arable farming, arable farm, arable farms, arable land, combinable crops, arable crops, crop rotation | cultivos extensivos, cultivos herbaceos, secano, tierras de cultivo, rotacion de cultivos
oilseeds | arable | oilseed rape, oilseed, oilseeds, osr, rapeseed, canola, sunflower, linseed | colza, girasol, oleaginosas
sugar_beet | arable | sugar beet, beet | remolacha, remolacha azucarera
cover_crops | arable, grazing | cover crops, cover crop, catch crops, green manure | cultivos de cobertura, cubiertas vegetales, abono verde
farmland | farming | farmland, agricultural land, land, hectares, acres, land to rent, land rental, farm tenancy | tierras agricolas, tierras, terrenos agricolas, hectareas, arrendamiento rustico
field_vegetables | vegetables | cauliflower, cabbage, cabbages, brassica, brassicas, broccoli, sprouts, leeks, onions, carrots, parsnips | coliflor, coles, repollo, brocoli, puerros, cebollas, zanahorias
# feed, by-products and their uses
+animal_feed | | rations, ration, home-mix, home mix, feed mill, feed cost, feed costs | piensos compuestos, fabrica de piensos
feed_milling | animal_feed | compound feed, compound feeds, feed mill, feed mills, feed compounder, feed manufacturing, feed blends | piensos compuestos, fabrica de piensos, fabricante de piensos
feed_coproducts | animal_feed, byproducts | co-products, coproducts, straights, sugar beet pulp, beet pulp, rapeseed meal, soya meal, distillers grains, wheatfeed, screenings, grain screenings, screenings and cleanings, small grain | pulpa de remolacha, harina de colza, torta de colza, harina de soja, subproductos para pienso
veg_waste | byproducts, animal_feed, biogas | outgrades, outgrade, outgrade potatoes, veg waste, vegetable waste, veg trimmings, brassica waste, potato waste, crop residues | destrio, destrios, restos vegetales, restos de cosecha, residuos vegetales
straw | @agrifood | straw, straw bales, baled straw, baling, bales, straw for bedding, bedding straw | paja, pacas de paja, empacado de paja, alpacas
manure | fertilisers | manure, manures, fym, farmyard manure, slurry, muck, poultry litter, organic manures, straw-for-muck | estiercol, estiercoles, purin, purines, gallinaza, abono organico, abonos organicos
digestate | fertilisers, biogas | digestate, whole digestate, separated digestate | digerido, digestato
+biogas | | energy crops, biomethane to grid | cultivos energeticos
+biogas | | biogas feedstock, ad feedstock |
# agronomy is advice (a service); its tools
+agronomy | @consulting | agronomists, crop walking, crop consultancy, facts qualified | agronomos, asesor de cultivos
soil_health | agronomy | soil health, soil sampling, soil analysis, soil testing, soil fertility, nutrient management, nutrient management plans, nutrient plans | analisis de suelos, salud del suelo, fertilidad del suelo, plan de abonado, planes de abonado, muestreo de suelos
precision_farming | agronomy, iot | precision farming, precision agriculture, precision maps, variable rate, variable-rate, yield maps, gps guidance | agricultura de precision, dosis variable, mapas de rendimiento
farm_records | agronomy, regulation | farm records, field records, spray records, crop records | cuaderno de campo, cuaderno de explotacion, registro de tratamientos
agri_schemes | grants, farming | sfi, sustainable farming incentive, countryside stewardship, agri-environment, agri-environment schemes, environmental land management, elms, basic payment | ayudas pac, ecorregimenes, ecoesquemas, pago basico, agroambientales
+agri_schemes | | countryside stewardship | ayudas pac, politica agraria comun
# grain stores dry, store and market grain for farmers (services)
+drying | process_heat | dryers, dryer, drying capacity, drying kilns, drying plant, crop drying, heat for drying, drying and storage | secaderos, secadero, secadoras, secado industrial, secado de grano, secado de cereal, capacidad de secado
grain_storage | warehousing, drying, @agrifood | grain storage, grain store, grain stores, grain intake, grain drying, grain dryers, grain silos, drying and storage | almacen de cereal, almacenamiento de grano, silos, silo, secado de grano
grain_marketing | cereals, marketing | grain marketing, marketing pools, marketing pool, pool marketing, pool returns, grain pools, grain trading, grain traders | comercializacion de cereal, comercializacion de grano, almacenistas de cereal
pelleting | @manufacturing | pelletising, pelletizing, pelleting, pellet mill, pellet mills, pellet plant, pellet production | peletizado, peletizacion, planta de pellets, fabrica de pellets
# ---------------- forestry and timber
@forestry*0.6 | | forestry, forest sector, forest industry, forest-based industries, wood industry, timber industry, timber, wooden | forestal, forestales, sector forestal, industria forestal, industria de la madera, sector de la madera, madera, maderas, maderera, madereras
forest_management | @forestry | forest management, forest land, woodland, woodlands, forests, forest, silviculture | gestion forestal, superficie forestal, selvicultura, silvicultura, ordenacion forestal, bosque, bosques, terrenos forestales
forest_owners*0.85 | forest_management | forest owners, forest owner, woodland owners, private forest owners, communal forests, community forests, forest estates | monte vecinal, montes vecinales, comunidad de montes, comunidades de montes, propietarios forestales, propietarios de montes, montes vecinales en mano comun
forestry_services | forest_management | forestry contractor, forestry contractors, forestry services, forestry work, tree felling, felling, timber harvesting, thinning, thinnings, brush clearing, scrub clearance | servicios forestales, trabajos forestales, tala y saca, tala y saca mecanizada, corta y saca, cortas y saca, tala mecanizada, saca de madera, aprovechamiento forestal, aprovechamientos forestales, autocargador, autocargadores, desbroce, desbroces, claras forestales
fire_prevention | forest_management | wildfire prevention, forest fire prevention, firebreaks, firebreak, fuel breaks, wildfire risk, forest fires, wildfires | incendios forestales, franjas de proteccion, franjas secundarias, franjas de biomasa, cortafuegos, riesgo de incendio, ley de incendios
+fire_prevention | | fire risk mapping, wildfire risk mapping, forest fire risk | prevencion de incendios forestales
+geospatial | software | fire risk mapping, wildfire risk mapping, risk mapping |
reforestation | forest_management | reforestation, afforestation, reforest, tree planting, replanting, forest restoration | reforestacion, reforestar, repoblacion forestal, repoblacion, forestacion, plantacion forestal, plantaciones forestales
forest_nursery | reforestation, ornamental_plants | forest nursery, tree nursery, forest plants, tree seedlings, seedlings, saplings | vivero forestal, viveros forestales, planta forestal, plantas forestales, planton, plantones
growing_media | farming | growing media, growing medium, potting compost, peat | sustrato, sustratos, turba
+growing_media | | growing substrate, potting substrate |
forest_inventory | forest_management, geospatial | forest inventory, forest inventories, stand inventory, timber cruising, lidar, volume estimates | inventario forestal, inventarios forestales, lidar, cubicacion
# timber products: species are weak modifiers, trades are siblings under timber
timber | @forestry | lumber, wood products, timber products | productos de madera, madera de construccion
softwood*0.5 | timber | pine, pines, pinaster, maritime pine, radiata pine, spruce, softwood, softwoods, conifers, douglas fir | pino, pinos, pinaster, pino pinaster, pino radiata, pino insignis, coniferas, abeto
eucalyptus*0.5 | timber | eucalyptus, eucalypt, nitens | eucalipto, eucaliptos, eucaliptal, nitens
hardwood*0.5 | timber | hardwood, hardwoods, broadleaves, broadleaved trees, native broadleaves, oak, chestnut, birch, beech | frondosas, frondosas autoctonas, carballo, roble, castano, abedul
standing_timber | timber, forest_management | standing timber, roundwood, round timber, timber sales, timber auction, timber auctions | madera en pie, madera en rollo, rollizo, rollizos, trozas, subasta de madera, subastas de madera
sawmill | timber | sawmill, sawmills, sawmilling, sawn timber, sawnwood, sawing | aserradero, aserraderos, aserrado, aserrio, madera aserrada, serreria
packaging_timber | timber | pallet timber, packaging timber, pallet wood, timber for pallets | madera para palet, madera de palet, madera de embalaje, palet y embalaje
structural_timber | timber | structural timber, graded timber, c24, c16, c18, strength graded, lamellas, lamella | madera estructural, madera clasificada, c24, c18, lamelas, laminas de madera
timber_treatment | @forestry | pressure treated, pressure treatment, treated timber, wood treatment, wood preservation, use class | tratamiento en autoclave, tratado en autoclave, tratada en autoclave, madera tratada, tratamiento de la madera, proteccion de la madera, clase de uso
timber_drying | drying, timber | kiln drying, kiln-dried, kiln dried, timber drying, wood drying | secado en camara, secado de madera, secaderos de madera
eudr | traceability, regulation | eudr, deforestation regulation, chain of custody, chain-of-custody | eudr, cadena de custodia, reglamento de deforestacion
+eudr | | eudr due diligence |
ce_marking*0.5 | @manufacturing | ce marking, ce marked, ce mark | marcado ce
# residues and their uses (pellets, heat, substrate)
wood_residues | byproducts, biomass_fuel | wood waste, wood residues, wood by-products | restos de madera, residuos de madera, subproductos de la madera
sawmill_residues | wood_residues, biomass, pelleting | sawdust, wood shavings, shavings, offcuts, off-cuts, sawmill residues, sawmill by-products | serrin, viruta, virutas, costeros, recortes, recortes de madera, subproductos de aserradero
forest_residues | wood_residues, biomass | forest residues, harvesting residues, brash, logging residues, forest biomass | restos forestales, restos de corta, biomasa forestal, residuos forestales, astilla de restos forestales, astilla de restos de corta
bark | byproducts, growing_media | bark, pine bark | corteza, corteza de pino
biomass_fuel | biomass | wood chips, wood chip, woodchip, woodchips, pellets, pellet, wood pellets, enplus, firewood, fuel wood, forest chips | astilla, astillas, astilla forestal, astilla de restos, astilla de restos forestales, astilla de restos de corta, astillado, pellets, pelets, pellet, lena, lenas
+biomass_boiler | hvac | biomass heat, biomass district heating | calderas de pellets, caldera de pellets
district_heating | hvac, process_heat | district heating, heat network, heat networks | red de calor, redes de calor, calefaccion urbana, calefaccion de distrito
# timber construction
structural_works | @construction | structural works, structural frames, erection, structural design | estructuras, montaje de estructuras, calculo de estructuras
+structural_works | | steel structures, timber structures |
timber_construction | structural_works, timber | timber construction, timber buildings, timber building, timber frame, timber-frame, light frame, wooden houses, timber houses, timber housing, wood construction, timber structures, mass timber | construccion en madera, montaje de estructuras de madera, casas de madera, casa de madera, estructuras de madera, entramado ligero, viviendas de madera, cubiertas de madera, edificios de madera
engineered_timber | timber_construction | clt, cross-laminated timber, glulam, glued laminated timber, engineered wood, lvl, clt panels, glulam panels | clt, madera laminada, madera contralaminada, paneles clt, madera laminada encolada
passive_house | energy_saving, @construction | passivhaus, passive house, passive houses, nearly zero energy buildings, nzeb | passivhaus, casa pasiva, casas pasivas, vivienda pasiva, viviendas pasivas, edificios de consumo casi nulo
# Proposal C: health and pharma, creative and digital services, training and employment
# ---------------------------------------------------------------- pharma manufacturing
pharma_manufacturing | pharma | pharmaceutical manufacturing, drug manufacturing, medicines manufacturing, gmp, gmp manufacturing, gmp plant, pharmaceutical cmo, cdmo, contract development and manufacturing, pharmaceutical plant, pharmaceutical laboratory, pharmaceutical laboratories | fabricacion de medicamentos, fabricacion farmaceutica, planta farmaceutica, gmp, planta gmp, normas gmp, cmo, cdmo, laboratorio farmaceutico, laboratorios farmaceuticos
scale_up | rd | scale-up, process scale-up, pilot plant, pilot plants, pilot scale | escalado de procesos, escalado industrial, planta piloto, plantas piloto
api_synthesis | pharma_manufacturing, ingredients | active pharmaceutical ingredients, active pharmaceutical ingredient, drug substance, drug substances, pharmaceutical intermediates, custom synthesis | api, apis, principios activos farmaceuticos, principio activo farmaceutico, intermedios farmaceuticos, sintesis, sintesis a medida
finished_dosage | pharma_manufacturing | generic medicines, generic drugs, finished dosage forms, oral solid dosage, oral solids, pharmaceutical tablets, hard capsules, soft capsules, softgels, tablet pressing, capsule filling | genericos, medicamentos genericos, especialidades farmaceuticas, solidos orales, formas solidas, comprimidos farmaceuticos, capsulas duras, encapsuladora, encapsuladoras
pharma_packing | pharma_manufacturing | blister packing, blistering, blister machine, blister line, pharmaceutical packing, secondary packaging of medicines | acondicionamiento de medicamentos, acondicionar medicamentos, acondicionamiento farmaceutico, acondicionamiento primario, acondicionamiento secundario, blisteado, blisteadora, blisteadoras, emblistado
pharma_packaging | packaging, @health | pharmaceutical packaging, pharma packaging, blister, blisters, blister film, blister foil, pvdc, lidding foil, serialisation, serialization, datamatrix, tamper-evident | envases farmaceuticos, envase farmaceutico, material de acondicionamiento, blister, blisteres, film pvc, pvdc, aluminio para blister, serializacion, datamatrix
+folding_cartons | cardboard, printing | folding cartons, folding carton, folding boxes | estuches, estuche, estucheria, estuches plegables
leaflets | printing, pharma_packaging | pharmaceutical leaflets, patient leaflets, patient information leaflets, package inserts | prospectos, prospecto
industrial_solvents | chemicals | solvents, solvent, ethanol, ethyl acetate, isopropyl alcohol, isopropanol, acetone, recovered solvents, solvent recovery, solvent distillation | disolventes, disolvente, etanol, alcohol etilico, acetato de etilo, alcohol isopropilico, isopropanol, acetona, disolventes recuperados, recuperacion de disolventes, destilacion de disolventes
medical_sterilisation | sterilisation, @health | ethylene oxide, ethylene oxide sterilisation, eto sterilisation, eto, gamma irradiation, gamma sterilisation, medical device sterilisation, contract sterilisation, sterilisation services | oxido de etileno, esterilizacion por oxido de etileno, esterilizacion eto, eto, irradiacion gamma, esterilizacion por radiacion, esterilizacion de productos sanitarios
+subcontracting | | | externalicen, externalice, externalizado, externalizada, externalizamos
+subcontracting | | | fabricacion por contrato, fabricacion por encargo
validation | quality_mgmt | validation, process validation, cleaning validation, equipment qualification, cleanroom qualification, computerised system validation | validacion, validaciones, validacion de procesos, validacion de limpieza, cualificacion de equipos, cualificacion de instalaciones, cualificacion de salas blancas
cleanrooms | @health | clean rooms, cleanroom, cleanrooms, clean room, controlled environments | salas blancas, sala blanca, salas limpias, sala limpia
# ---------------------------------------------------------------- regulatory affairs
regulatory_affairs | regulation, @health | regulatory affairs, product registration, drug registration, marketing authorisation, marketing authorization, regulatory dossiers, ema, fda, aemps, cofepris, invima, anvisa, pharmacovigilance, cep, asmf, dmf, drug master file | asuntos regulatorios, registro de medicamentos, registro sanitario, registros sanitarios, autorizacion de comercializacion, expedientes de registro, aemps, cofepris, invima, anvisa, farmacovigilancia, cep, asmf, dmf
device_regulation | regulatory_affairs | ce marking, mdr, ivdr, technical file, technical files, technical documentation, notified body, clinical evaluation, post-market surveillance | marcado ce, mdr, ivdr, expediente tecnico, expedientes tecnicos, documentacion tecnica, organismo notificado, evaluacion clinica, vigilancia poscomercializacion
clinical_studies | rd, @health | clinical studies, clinical study, clinical trials, clinical trial, clinical investigation, clinical research, pmcf, post-market clinical follow-up | estudios clinicos, estudio clinico, ensayos clinicos, ensayo clinico, investigacion clinica, pmcf
# ---------------------------------------------------------------- clinics and medical devices
general_medicine | healthcare | general medicine, general practice, general practitioners, gp practice, family medicine, primary care | medicina general, medicina de familia, medico de familia, atencion primaria
specialist_medicine | clinics | cardiology, dermatology, traumatology, orthopaedic surgery, gynaecology, gynecology, paediatrics, pediatrics, ophthalmology, neurology, urology, internal medicine, medical specialties, specialist consultations | cardiologia, dermatologia, traumatologia, ginecologia, pediatria, oftalmologia, neurologia, urologia, medicina interna, especialidades medicas, consultas de especialistas
surgery | clinics | surgery, day surgery, outpatient surgery, operating theatre, operating theatres, operating room, surgical procedures | cirugia, cirugia ambulatoria, cirugias, quirofano, quirofanos, intervenciones quirurgicas
diagnostic_imaging | clinics | diagnostic imaging, medical imaging, radiology, x-ray, x-rays, mri, ct scans, ultrasound scans, imaging equipment | diagnostico por imagen, radiologia, rayos x, resonancia magnetica, ecografia, ecografias, tac, equipos de imagen
occupational_health | occupational_safety, @health | occupational health, occupational medicine, health surveillance, medical check-ups, medical checkups, medical examinations, pre-employment medicals, employee health, workplace vaccination, vaccination campaigns, flu vaccination, staff vaccination | vigilancia de la salud, medicina del trabajo, salud laboral, reconocimientos medicos, reconocimiento medico, reconocimientos laborales, revisiones medicas, campanas de vacunacion, vacunacion en empresa, vacunacion de empleados, servicio de prevencion ajeno
clinical_lab | healthcare | clinical laboratory, clinical laboratories, clinical analysis, pathology lab, blood tests | laboratorio de analisis, laboratorios de analisis, laboratorio de analisis clinicos, analisis clinicos, laboratorio clinico
surgical_supplies | medical_devices | surgical supplies, surgical material, surgical instruments, surgical consumables, medical supplies | material quirurgico, instrumental quirurgico, fungible quirurgico, material sanitario, suministros medicos
implants | medical_devices | implants, implant, implantology | implantes, implante, implantologia
orthopaedic_implants | implants, surgical_supplies, medical_devices | orthopaedic implants, orthopedic implants, trauma implants, bone plates, bone screws, plates and screws, intramedullary nails, osteosynthesis, prostheses | implantes traumatologicos, placas y tornillos, clavos intramedulares, osteosintesis, protesis, implantes de titanio
titanium | metalworking | titanium, titanium alloy, ti6al4v, grade 5 titanium | titanio, aleacion de titanio
swiss_turning | machining | swiss turning, swiss-type turning, sliding head turning, micromachining, precision turning | mecanizado suizo, torno suizo, micromecanizado, torneado de precision
+medical_devices | | in vitro diagnostics, diagnostic devices | diagnostico in vitro, productos de diagnostico
public_healthcare | healthcare | public hospitals, public health service, nhs, nhs trusts | hospitales publicos, sanidad publica, servicio de salud, sermas
health_software | software, healthcare | electronic health records, electronic health record, ehr, emr, electronic medical records, patient records, hl7, fhir, health interoperability, practice management software | historia clinica electronica, historia clinica, historias clinicas, hl7, fhir, software medico, software para clinicas
appointment_booking | software | online appointments, appointment booking, appointment scheduling, appointment reminders, reminders, patient reminders | cita online, citas online, cita previa, agenda online, agenda de citas, recordatorios, recordatorio de citas, reserva de citas
+telecare | | teleconsultation, video consultation, video consultations, remote consultation | teleconsulta, videoconsulta, teleconsultas, videoconsultas, consulta online
+care_workers | | theatre nurses, radiographers, radiology technicians | enfermeras de quirofano, tecnicos de rayos, tecnicos de radiologia, tecnicos sanitarios
+cybersecurity | | | ens, esquema nacional de seguridad
+management_consulting | | roadmap, product roadmap | hoja de ruta
# 'senior' is a seniority, not the elderly, in a job title
+staff | | senior consultant, senior consultants, senior profile, senior profiles, experts in | consultor senior, consultores senior, perfil senior, perfiles senior, expertos en, mandos intermedios
# ---------------------------------------------------------------- creative, video, events, digital
+plastic_packaging | | plastic film, stretch film, shrink film, cling film, packaging film, barrier film | film estirable, film retractil, film plastico
video_production | audiovisual | film production, filmmaking, film-making, films, film, filming, corporate films, corporate video, corporate videos, tv commercials, tv ads, tv adverts, live-action, live action, video shoots, photo shoots, camera crew, film crew, videography, videographers, green screen, film studio, studio hire, short-form video, video content | produccion de video, rodaje, rodajes, spots publicitarios, videos corporativos, productora audiovisual, productoras audiovisuales, plato de rodaje
post_production | video_production | post-production, post production, postproduction, video editing, editing, editors, video grading, colour grading, color grading, colourists, colorists, vfx, visual effects, cut-downs | postproduccion, edicion de video, montaje de video, etalonaje, efectos visuales
+animation | | motion design, motion content, explainer videos, explainers | motion graphics, videos explicativos
live_streaming | audiovisual | livestream, livestreaming, live streaming, live stream, streaming, webcasting, webcast, hybrid events, hybrid event, virtual events, vision mixing, multi-camera, multi-camera filming, multi-camera production, multi-camera shoots | streaming, retransmision en directo, emision en directo, eventos hibridos, evento hibrido
av_production | events | cameras, camera hire, av, av hire, av equipment, audio visual hire, pa, pa system, pa systems, sound systems, sound and lighting, stage lighting, event lighting, lighting hire, led walls, led panels, screen hire, projectors, staging, stage hire, speakers, dry hire, dry-hire, event production | sonido e iluminacion, equipos audiovisuales, alquiler de equipos audiovisuales, pantallas led, iluminacion de eventos, escenarios, tarimas
+events | | delegates, attendees, launch events |
event_organisers | events | event organisers, event organizers, conference organisers, conference organizers, event planners, event planning agency, event agency, events agency, event management company, product launches, awards dinners, awards ceremonies, gala dinners | organizadores de eventos, organizador de eventos, organizacion de eventos, agencia de eventos, agencias de eventos, lanzamientos de producto, cenas de gala, entregas de premios
event_tech | software | event registration, delegate registration, ticketing, event ticketing, badge printing, event app, event management software, check-in | acreditaciones, registro de asistentes, venta de entradas, ticketing
+venues | | hall, halls, hall hire, room hire, venue hire, function room, function rooms, event space | salon de actos, alquiler de salas
branding_design | marketing, design | brand identity, visual identity, corporate identity, event branding, logo design, logos, brand design, brand guidelines, signage, signage design | identidad corporativa, identidad visual, diseno de marca, logotipos, senaletica, rotulacion
+web_design | design | website, websites, website design, website builds, website build, web builds, shopify websites, wordpress websites | paginas web, diseno de paginas web
ux_design | design | ux, ui, ux design, ui design, user experience, user interface, product design for apps | experiencia de usuario, diseno ux, diseno de interfaces
+software | | back-end, back end, backend, front-end, frontend, app builds, react native, ios, android, white-label development | desarrollo a medida
+digital_marketing | | digital agency, digital agencies, web agency, seo agency, marketing agency, marketing agencies, paid social, paid media, paid search, ppc, pay per click, social ads, campaign management, social media management | agencia digital, agencias digitales, agencia de marketing, publicidad en redes
+coworking | premises | workspace, workspaces, hot desks, hot desk, hot desking, flexible desks, desk space, private studios, studio space, coworking space, shared workspace, coworking members | espacio de trabajo, puestos de trabajo flexibles, puesto fijo, despachos privados
+telecoms | | gigabit, gigabit fibre, full fibre, fibre broadband, fast broadband, upload speeds, fast internet, wifi | wifi, internet de alta velocidad
# 'development' is software work, not a developer to hire: staff keeps the phrases that name people
+staff | | software developers, web developers, app developers, junior developers, senior developers, graduate developers, developer roles, analysts, lab analysts, machinists, cnc machinists | analistas, analistas de laboratorio, desarrolladores web, desarrolladores de software, perfiles de desarrollo, torneros, operarios cnc
+construction | | social housing, housing associations, housing developments, housing market, building sites, building site, building contractors, building firms, building industry, building trade, new buildings, residential buildings, commercial buildings, office buildings, public buildings |
+publishing | | book publishing, book publishers, publishing house | edicion de libros, libros de texto, librerias
+design | | creative studio, creative studios, creative agency, creative agencies, creative services, creative design, design studios | estudios creativos, estudio creativo, agencia creativa
+marketing | | chief marketing officer, fractional cmo, interim cmo, brand building, brand strategy, brand positioning, branding services, brand marketing, rebranding, brand image, brand visibility, brand recognition, brand values |
event_crew | staff, events | event crew, event staff, stage crew, stagehands, casual crew, riggers, rigging crew, av techs, av technicians, led techs, lighting techs, sound techs, sound engineers | personal de montaje, tecnicos de sonido, tecnicos de iluminacion, montadores de eventos, azafatas de eventos
+software | | api integration, api integrations, rest api, rest apis, open api, api development | integracion por api, integraciones api
# grading of produce is not colour grading
+cereals | | grain grading, grain cleaning and grading | clasificacion de cereales
+fruit | | fruit grading, grading and packing | calibrado de fruta
+poultry | | egg grading | clasificacion de huevos
+potatoes | | potato grading | calibrado de patata
# ---------------------------------------------------------------- training, employment, HR
work_placements | vocational_training | internships, internship, work placements, work placement, placements, placement, host companies, paid internships | practicas, practicas en empresa, practicas no laborales, empresas de acogida, practicas de alumnos, convenios de practicas
trainees | work_placements | trainees, trainee, interns, intern, student interns, students on placement | alumnos en practicas, estudiantes en practicas, becarios, becaria, becario
trainers | staff | trainers, instructors, teachers, accredited trainers | formadores, formadoras, formadores homologados, profesores, docentes
+languages | | english courses, english classes, spanish courses, spanish classes, language courses, language school, language academy, language skills, english skills, business english, spanish for foreigners, intensive spanish | cursos de ingles, cursos de espanol, clases de espanol, clases de idiomas, escuela de idiomas, espanol para extranjeros, cursos de idiomas, academia de idiomas, formacion en idiomas, cursos de aleman, ingles para empresas
multilingual_staff | @people | multilingual staff, multilingual, bilingual, native speakers, german speakers, french speakers, dutch speakers, english speakers, italian speakers, german-speaking, speaking agents | plurilingue, bilingue, bilingues, nativos, personal con idiomas
+multilingual_staff | | languages, several languages, multiple languages | varios idiomas, con idiomas, personal con idiomas
contact_centres | @trade | contact centre, contact centres, contact center, call centre, call centres, call center, customer care | centro de contacto, centros de contacto, atencion al cliente, call center, teleoperadores
+recruitment | | recruitment, recruiting, seasonal staffing, temporary staffing, temp staff, candidate database, candidate pool, candidate shortlist, shortlist, shortlists, pre-selection | reclutamiento, seleccion de personal, trabajo temporal, personal temporal, preseleccion, base de candidatos, bolsa de candidatos
hr_consulting | @consulting, @people | hr consulting, hr consultancy, hr advice, labour law, labor law, employment law, labour relations, employment advice | asesoria laboral, asesoramiento laboral, derecho laboral, relaciones laborales, consultoria de recursos humanos, consultoria de rrhh
equality_plans | hr_consulting, regulation | equality plan, equality plans, gender equality, pay gap, pay audit, harassment protocol, anti-harassment, diversity and inclusion | plan de igualdad, planes de igualdad, igualdad, registro retributivo, auditoria retributiva, brecha salarial, protocolo de acoso, protocolos de acoso, acoso laboral
staff_retention | hr_consulting, staff | staff retention, employee retention, talent retention, retention programmes, retention programs, attrition, staff turnover, employee turnover, performance reviews, performance management, employee engagement | programas de retencion, planes de retencion, retencion de personal, retencion de empleados, retencion de talento, retencion del talento, rotacion de personal, rotacion del personal, evaluacion del desempeno, gestion del desempeno, clima laboral
+occupational_safety | | health and safety training | formacion prl, cursos de prl, curso de prl, formacion en prevencion
hospitality_staff | staff, hospitality_food | waiters, waitresses, waiting staff, bar staff, housekeeping, room attendants, front of house, front-of-house, front office, hospitality staff | camareros, camareras, camareras de piso, personal de sala, recepcionistas, personal de hosteleria
warehouse_staff | staff, warehousing | warehouse operatives, warehouse staff, pickers and packers, order pickers | mozos, mozos de almacen, preparadores de pedidos
+drivers | | forklift licence, forklift license | carnet de carretillero, carnet de carretilla
+it_support | | pcs, laptops, hardware, it equipment, headsets | portatiles, equipos informaticos
+elderly_care | | | ley de dependencia, atencion a la dependencia, grado de dependencia, centros de dependencia, situacion de dependencia
+vocational_training | | | certificados de profesionalidad, certificado de profesionalidad
jobseekers | staff | jobseekers, job seekers, unemployed, unemployed people, long-term unemployed | desempleados, desempleadas, demandantes de empleo, parados, personas desempleadas
seasonal_peaks | @people | christmas, peak season, peak periods, seasonal peaks, christmas peak, christmas campaign, busy season, high season | navidad, picos de campana, picos de trabajo, picos de actividad, campana de navidad, campana navidena, temporada alta, campanas de temporada
+leasing | | equipment hire, plant hire, tool hire, kit hire, machinery hire | alquiler de equipos, alquiler de maquinaria
+surplus | | ex-hire, ex-hire equipment, ex-demo, used equipment, second-hand equipment, donate, donation, donations, donated | equipos de segunda mano, maquinaria de segunda mano, equipos usados, donar, donacion, donaciones, donada, donado
+machining | | milling machine, lathe, lathes | fresadora, fresadoras, torno cnc, tornos
+testing_lab | | hplc, chromatography, gas chromatography | hplc, cromatografia
+process_heat | | steam consumption | consumo de vapor
+pallets | | | pales
+digital | | tech hub, tech hubs, digital hub |
+passenger_transport | | bus, staff transport, employee shuttle, staff shuttle | transporte colectivo, transporte de empleados
relocation_services | staff | relocation, relocation support, relocation services, relocating, expats | reubicacion, traslado de trabajadores, expatriados, movilidad internacional
time_tracking | software | time tracking, time and attendance, clocking in, shift planning, rota software, workforce management | fichaje, control horario, registro horario, registro de jornada, planificacion de turnos, cuadrantes
+training | | fundae credit, training credit | credito fundae, credito de formacion
# Proposal D: building renovation and construction, automotive aftermarket and EV, island tourism and events.
# ---------------------------------------------------------------- construction: envelope, insulation, windows
building_envelope | @construction, energy_saving | building envelope, envelope works, thermal envelope | envolvente, envolvente termica, envolvente del edificio
facades | building_envelope | facade, facades, cladding, facade works, facade renovation, ventilated facade, curtain walling | fachada, fachadas, fachada ventilada, fachadas ventiladas, revestimiento de fachadas, muro cortina, enfoscado, monocapa
roofing | building_envelope | roofing, roofs, roof, roofers, roof repairs, flat roofs, pitched roofs, waterproofing | cubierta, cubiertas, tejado, tejados, impermeabilizacion, impermeabilizaciones, impermeabilizar, bajocubierta, bajocubiertas, tejas
+farming | | cover crops, cover crop | cubierta vegetal, cubiertas vegetales
+insulation | | blown insulation, cavity wall insulation, loft insulation, injected insulation | insuflado, aislamiento insuflado, insuflado de celulosa
etics | insulation, facades | etics, external wall insulation, ewi, external thermal insulation, external insulation | sate, sistema sate, sistemas sate, aislamiento por el exterior, aislamiento termico por el exterior
insulation_materials | insulation, building_materials | insulation materials, insulating materials, insulation boards, insulation panels, eps, xps, polystyrene, expanded polystyrene, extruded polystyrene, mineral wool, rock wool, rockwool, stone wool, glass wool, polyurethane foam, pir boards, cellulose insulation, wood fibre insulation | materiales aislantes, material aislante, aislantes, aislante, paneles aislantes, placas aislantes, eps, xps, poliestireno, poliestireno expandido, poliestireno extruido, lana mineral, lana de roca, lana de vidrio, poliuretano, poliuretano proyectado, celulosa insuflada, fibra de madera
windows_doors | building_materials | window frames, upvc windows, pvc windows, aluminium windows, timber windows, replacement windows, double glazing, triple glazing, glazing, window fitting, window installation, windows and doors, exterior joinery, shutters | ventanas, ventana, carpinteria exterior, carpinteria de aluminio, carpinteria de pvc, carpinteria metalica, cerramientos, acristalamiento, doble acristalamiento, persianas, contraventanas, puertas y ventanas, perfiles de ventana, perfiles de pvc, perfil de pvc, perfiles de aluminio, perfil de aluminio
+solar_pv | electricity | |
# ---------------------------------------------------------------- construction: heating, diagnostics, certificates
heating_boilers | hvac | gas boilers, gas boiler, oil boilers, oil boiler, boiler room, boiler rooms, central heating, communal heating, condensing boilers, boiler replacement, heating systems, district heating | calderas de gasoleo, caldera de gasoleo, calderas de gas, caldera de gas, calderas comunitarias, caldera comunitaria, sala de calderas, salas de calderas, calefaccion central, calefaccion centralizada, calefaccion comunitaria, calderas de condensacion, caldera de condensacion
+heat_pump | hvac | air source heat pump, air source heat pumps, ground source heat pump, ground source heat pumps | aerotermica, bomba de calor aerotermica, geotermia
energy_certificates | energy_audit, certification | energy performance certificate, energy performance certificates, energy certificate, energy certificates, epc, epcs, energy rating, energy ratings | certificado energetico, certificados energeticos, certificado de eficiencia energetica, certificados de eficiencia energetica, certificacion energetica, calificacion energetica, etiqueta energetica
building_diagnostics | energy_audit, testing_lab | thermography, thermal imaging, thermographic survey, infrared survey, air tightness testing, airtightness testing, air leakage testing, blower door, blower door test | termografia, termografias, camara termografica, ensayo de estanqueidad, ensayos de estanqueidad, blower door, infiltrometria
building_inspection | @construction, regulation | building survey, building surveys, condition survey, building condition survey, building inspection, building inspections | iee, ite, informe de evaluacion del edificio, informes de evaluacion del edificio, evaluacion del edificio, inspeccion tecnica de edificios, inspeccion tecnica
+architecture | engineering | site supervision, works supervision, architectural design, architectural services, building design, architectural practice, building surveyors, renovation projects, retrofit design | direccion de obra, direccion facultativa, redaccion de proyectos, redaccion de proyecto, proyecto de ejecucion, proyectos de ejecucion, proyecto basico, proyectos de rehabilitacion, proyectos de rehabilitacion energetica, proyecto de rehabilitacion, estudio de arquitectura, arquitectura tecnica, arquitecto tecnico, arquitectos tecnicos, aparejador, aparejadores
grant_management | financing, @consulting | grant applications, grant application, grant writing, grant management, funding applications, bid writing, grant advice | tramitacion de ayudas, tramitacion de subvenciones, gestion de ayudas, gestion de subvenciones, expedientes de ayudas, expedientes de subvencion, solicitud de ayudas, solicitudes de ayudas, justificacion de ayudas, justificacion de subvenciones, asesoramiento en ayudas, asesoramiento en subvenciones
+regulation | | building regulations, building codes | rite, reglamento de instalaciones termicas, cte, codigo tecnico de la edificacion
+certification | | | carne de instalador, carnet de instalador, carne profesional, carnet profesional, carne rite, carnet rite
# ---------------------------------------------------------------- construction: works, waste, equipment, trades
+construction | | building sites, construction sites, construction works, civil works, groundworks, main contractors, general contractors |
+building_renovation | | renovation contractors, refurbishment contractors, home improvements | empresas de reformas, empresa de reformas
accessibility_works | @construction | accessibility works, accessibility improvements, disabled access, step-free access, wheelchair ramps, ramps, stairlifts, stair lifts, platform lifts, lift installation | accesibilidad, rampas, rampa, eliminacion de barreras, barreras arquitectonicas, ascensor, ascensores, instalacion de ascensores, salvaescaleras, huecos de ascensor
+web_design | | web accessibility | accesibilidad web
skip_hire | construction_waste, leasing | skip hire, skip bins, skips, rubble bags, builders bags | contenedores de obra, contenedor de obra, contenedores de escombros, contenedor de escombros, alquiler de contenedores, sacos de escombro
+construction_waste | | rubble removal, waste from works | gestion de escombros, retirada de escombros, escombro
recycled_aggregates | building_materials, recycling | recycled aggregate, recycled aggregates, secondary aggregates, crushed concrete | arido reciclado, aridos reciclados, arido secundario, aridos secundarios, zahorra reciclada, zahorras recicladas, hormigon triturado
+pallets | | | pales
construction_equipment | machinery, @construction | construction equipment, construction machinery, plant hire, scaffolding, scaffold, scaffolds, cranes, tower cranes, aerial work platforms, cherry pickers, excavators, mini diggers | maquinaria de obra, maquinaria de construccion, andamio, andamios, andamiaje, andamio tubular, gruas, grua torre, plataformas elevadoras, excavadoras, miniexcavadoras, retroexcavadoras, hormigoneras
construction_workers | staff | bricklayers, bricklayer, labourers, construction workers, site operatives, plasterers, carpenters, joiners, roofers, scaffolders, tradespeople, tradesmen | albaniles, albanil, oficiales de primera, oficial de primera, oficiales de segunda, peones, peon de obra, encofradores, yeseros, escayolistas, alicatadores, soladores, carpinteros, carpintero
+sea_freight | | ferry freight, shipping company, shipping companies | compania naviera, companias navieras, linea naviera, lineas navieras, agente naviero, consignatario, consignatarios
+subcontracting | | | talleres de subcontratacion, talleres auxiliares, taller auxiliar
+installers | @construction | installers, installer, installation companies, installation contractors, fitters, applicators | instaladores, instalador, instaladoras, instaladora, empresas instaladoras, empresa instaladora, aplicadores, aplicador
# ---------------------------------------------------------------- automotive aftermarket and electric vehicles
+automotive | | carmakers, car makers, vehicle manufacturers, motor industry | fabricantes de automoviles, fabricantes de vehiculos
electric_vehicles | automotive | electric vehicles, electric vehicle, ev, evs, e-vans, electric vans, electric van, electric cars, electric car, hybrid vehicles, electrify, electrifying, electrification, fleet electrification, electric fleet, zero emission vehicles | vehiculo electrico, vehiculos electricos, coche electrico, coches electricos, furgonetas electricas, furgoneta electrica, electrificacion, electrificar, movilidad electrica, vehiculos hibridos, microbuses electricos, autobuses electricos
+ev_charging | electric_vehicles | ev chargers, ev charger, chargers, charger, chargepoints, chargepoint, charge points, charge point, depot charging, workplace charging, home charging, public charging, rapid charging, fast charging, charging hubs, charging stations, smart charging, charging infrastructure | cargadores, cargador, punto de recarga, estaciones de recarga, estacion de recarga, electrolineras, electrolinera, infraestructura de recarga, wallbox
ev_conversion | electric_vehicles | ev conversions, ev conversion, electric conversions, electric conversion, ice to ev, van conversions, van conversion, conversion kits, retrofit kits, repowering | conversion a electrico, conversiones a electrico, kits de conversion, retrofit electrico
ev_batteries | electric_vehicles, auto_parts | ev batteries, ev battery, battery packs, battery pack, ev battery packs, ev packs, battery modules, battery module, battery cells, traction batteries, second-life batteries, used ev batteries | baterias de vehiculos electricos, packs de baterias, modulos de bateria, celdas de bateria, baterias de traccion, baterias de segunda vida
battery_diagnostics | testing_lab, ev_batteries | battery health checks, battery health check, battery health, battery testing, battery diagnostics, state of health, state-of-health, soh, soh report, battery grading, cycling test, cycling tests | diagnostico de baterias, estado de salud de la bateria, ensayos de baterias
+electricity | | grid capacity, grid connections, dno, distribution network operator, network operator, grid upgrade | capacidad de red, potencia contratada, acometida electrica, distribuidora electrica
load_management | energy_saving, electricity | load management, dynamic load management, load balancing, peak shaving, peak demand, peak load, demand response, demand side response, flexibility services | gestion de la demanda, gestion de cargas, recorte de picos, picos de consumo
vehicle_repair | maintenance, automotive | vehicle maintenance, vehicle servicing, vehicle repair, vehicle repairs, car repair, car repairs, car servicing, van servicing, fleet maintenance, fleet servicing, mobile servicing, mot, mots, mot testing, mot centre, mot centres, garage, garages, independent garages, fleet workshops, repair workshops, workshop bays, service bays, bodyshop, body shop, tyre fitting | taller mecanico, talleres mecanicos, taller de automocion, talleres de automocion, taller de reparacion, talleres de reparacion, mantenimiento de vehiculos, mantenimiento de flotas, reparacion de vehiculos, reparacion de coches, itv, chapa y pintura
auto_parts | components, automotive | auto parts, used parts, used car parts, car parts, vehicle parts, motor parts, automotive parts, aftermarket parts, replacement parts, brake pads, brake discs, clutches, exhausts, tyres, tires, spark plugs | recambios de automocion, recambios de coche, piezas de automocion, repuestos de automovil, neumaticos, pastillas de freno, embragues
motor_factors | auto_parts, distribution | motor factors, motor factor, parts distributor, parts distributors, parts distribution, parts wholesaler, parts wholesalers, aftermarket distribution, trade counter, trade counters | distribuidor de recambios, distribuidores de recambios, distribucion de recambios, recambista, recambistas
vehicle_units | auto_parts | alternators, alternator, starter motors, starter motor, starters, turbochargers, turbocharger, turbos, turbo, ancillaries, engine ancillaries, injectors, rotating electrics | alternadores, alternador, motores de arranque, motor de arranque, turbocompresores, inyectores
engines_gearboxes | auto_parts | engines and gearboxes, engine and gearbox, gearboxes, gearbox, transmissions, diesel engines, petrol engines, used engines, car engines, vehicle engines, engine blocks | cajas de cambio, caja de cambios, motores diesel, motores de gasolina, motores usados, motores de coche
remanufacturing | circular_economy, components | remanufacturing, remanufacture, remanufactured, remanufacturer, reman, reconditioned, reconditioning, rebuilt units, exchange units | remanufactura, remanufacturado, remanufacturados, remanufacturacion, reacondicionado, reacondicionados, reacondicionamiento
used_parts | auto_parts, circular_economy | used parts, used car parts, green parts, second-hand parts, reclaimed parts, recovered parts, salvaged parts, tested used parts, used units, reused parts | piezas usadas, piezas de segunda mano, recambios usados, piezas recuperadas
end_of_life_vehicles | waste, automotive | end-of-life vehicles, end of life vehicles, elv, elvs, scrap vehicles, scrap cars, scrap vans, written-off vehicles, written off vehicles, write-offs, write-off, vehicle salvage, salvage, vehicle dismantling, dismantling, depollution, vehicle depollution, atf, authorised treatment facility, certificate of destruction, vehicle recycling, scrappage, vehicle disposal | vehiculos fuera de uso, vfu, vehiculos al final de su vida util, desguace, desguaces, descontaminacion de vehiculos, centro autorizado de tratamiento, baja de vehiculos, reciclaje de vehiculos
+waste | | disposal, disposal route, end of life, end-of-life |
repurposing | circular_economy, maintenance | repurposing, repurpose, repurposed, second life, second-life, second life applications | segunda vida, reutilizacion en segunda vida
+transport | | fleet vehicles, fleet vehicle, fleet operators, fleet operator, fleet owners, fleet managers, van fleets, delivery fleets, fleet depots | operadores de flotas, gestores de flotas, cocheras
+last_mile | | courier services, parcel carriers, parcel carrier, b2b courier | mensajeria urgente
+drivers | | | carne de conducir, carnet de conducir, permiso de conducir, permiso d, permiso c
+battery_storage | energy_saving | second-life battery storage, second life battery storage, stationary battery storage, stationary storage | almacenamiento estacionario
+trade | | sold, resale, trade pricing, trade prices, trade price, trade discount, trade discounts, trade accounts, trade account | vendido, vendidos, precios de mayorista
commercial_vehicles*0.8 | automotive | vans, van, light commercial vehicles, commercial vehicles, lcv, lcvs, panel vans, diesel vans, diesel vehicles | furgonetas, furgoneta, vehiculos comerciales, vehiculos industriales, furgones
+testing_lab | | quality grading |
# ---------------------------------------------------------------- tourism, hospitality and events
+horeca | | restaurant trade, on-trade | canal hostelero
+agritourism | | farm tours, farm visit, open farm | visitas a la granja, visita a la granja, visitas a granjas, granja escuela
+tourism_exp | | trips, day tours, day trips, outings, guided hikes, guided walks, guided visits | rutas guiadas, excursiones guiadas, visita guiada, visitas guiadas
nature_tourism | tourism_exp | nature tourism, ecotourism, guided hikes, guided walks, hiking, hikes, trekking, hiking groups, whale watching, dolphin watching, whale and dolphin watching, wildlife watching, birdwatching, bird watching, stargazing, astrotourism, outdoor activities, adventure tourism, active tourism, national park, national parks, natural park, nature reserve | turismo de naturaleza, ecoturismo, senderismo, rutas de senderismo, excursiones de senderismo, avistamiento de cetaceos, avistamiento de ballenas, avistamiento de delfines, observacion de cetaceos, observacion de aves, astroturismo, turismo astronomico, observacion de estrellas, turismo activo, turismo de aventura, parque nacional, parques nacionales, parque natural, parques naturales, espacios naturales
+nautical | | boat charter, boat charters, yacht charter, catamaran, catamarans, boat trips | alquiler de embarcaciones, excursiones en barco, catamaran, catamaranes
transfers | passenger_transport | airport transfers, airport transfer, transfers, transfer service, transfer services, coach transfers, guest transfers, hotel transfers, airport shuttle, airport shuttles | traslados, traslado, traslados al aeropuerto, traslado al aeropuerto, traslados aeropuerto, servicio de traslados, lanzadera al aeropuerto
+passenger_transport | | coach operator, coach operators, coach company, coach travel, coach trips, minibus, minibuses, minibus hire, private hire, chauffeur | autocar, microbus, microbuses, minibus, transporte discrecional, alquiler de autocares
+rd | | knowledge transfer | transferencia de conocimiento
+venues | | terrace, terraces, rooftop terrace, wedding venue, wedding venues, event venue, event venues, function room, function rooms, banqueting hall | terraza, terrazas, espacio para bodas, espacios para bodas, salon de banquetes, salones de banquetes, finca para bodas, fincas para bodas
event_production | @tourism, audiovisual | sound and lighting, stage sound and lighting, sound equipment, lighting equipment, pa system, pa systems, staging, stage hire, audiovisual equipment, av equipment, av hire, event production, technical production | sonido e iluminacion, equipos de sonido, equipo de sonido, equipos de iluminacion, sonorizacion, produccion tecnica, alquiler de sonido
sponsorship | marketing | sponsors, sponsor, sponsorship, corporate sponsors, corporate sponsorship | patrocinadores, patrocinador, patrocinio, patrocinios, mecenazgo, mecenas
heritage | @tourism | heritage, heritage sites, cultural heritage, historic buildings, monuments, museums, museum | patrimonio cultural, patrimonio historico, espacios patrimoniales, patrimonio arquitectonico, monumentos, museos, museo
farmers_markets | retail | farmers markets, farmers market, farm shop, farm shops, street markets | mercadillos, mercadillo, mercados del agricultor, mercadillos del agricultor, mercado de agricultores, mercados de abastos
+kitchen_staff | | waiting staff, waiters, waitresses, bar staff | camareros, camarero, camareras, personal de sala
+languages | | bilingual, multilingual | bilingue, bilingues, multilingue
grape_pomace | byproducts, animal_feed | grape pomace, grape marc, grape skins, grape stalks, wine lees | orujo de uva, orujo de vendimia, orujos de vendimia, orujo y raspon, raspon, raspones, hollejos, hollejo, lias
+livestock | | goats, goat, sheep, goat farming | cabras, cabra, caprino, ovejas, ovino
+cheese | | goat cheese, goats cheese, sheep cheese | queso de cabra, quesos de cabra, queso de oveja, queso fresco, queso curado
+wine_tourism | | winery tours, cellar tours, winery visit | visitas y catas, visita y cata, visitas a bodegas, visita a la bodega
+tasting | | | visitas y catas, visita y cata
tour_guides | staff, tourism_exp | tour guides, tourist guides, guides, guide, local guides, mountain guides, guiding staff | guias, guia, guias turisticos, guia turistico, guias turisticas, guia oficial
"""
