-- Demo data: 160 organizations in 74 countries, with partnerships and activities, so that every
-- page has something real to show. The host, Maple Falls Public Library, and its local partners
-- are invented; the libraries abroad are modelled on real kinds of institutions, but every
-- entry's wishes, contacts and activities are made up for the demo, and addresses use the
-- reserved .example domain. Dates are relative to the day the database is made, so the demo
-- always has fresh entries and ones not confirmed for over a year.
-- Loaded by `liaison-admin demo` (the Makefile's db target) in one transaction.

CREATE TEMP TABLE demo_org (
	name, name_en, type, country, region, city, langs, interests, ages, timezone, utc_offset_min,
	seeking, commitment, confirmed_days_ago, description, seeking_text, email, email_public
);
INSERT INTO demo_org VALUES
	('Maple Falls Public Library', 'Maple Falls Public Library', 'public', 'US', 'Oregon', 'Maple Falls', 'en es', 'pen_pals book_exchange videoconference cultural_program storytime', 31, 'America/Los_Angeles', -480, 1, 'formal', 12, 'The host of this directory: a county public library of six branches serving 48,000 people in the Willamette Valley, with a growing Spanish-speaking community.', 'Sister libraries in Latin America and Asia for pen pals and videoconference storytimes; local partners for ESL and health literacy.', 'partnerships@maplefalls-library.example', 1),
	('Maple Falls Refugee Welcome Center', 'Maple Falls Refugee Welcome Center', 'refugee', 'US', 'Oregon', 'Maple Falls', 'en ar uk ps fa', 'workshop cultural_program book_drive', 9, 'America/Los_Angeles', -480, 1, 'memorandum', 30, 'Resettlement support for families from Afghanistan, Syria and Ukraine: housing, school enrollment, job readiness.', 'A library partner for weekly English conversation circles and library card sign-ups at intake.', 'info@mfwelcome.example', 1),
	('St. Brigid Parish Community Hall', 'St. Brigid Parish Community Hall', 'religious', 'US', 'Oregon', 'Maple Falls', 'en es', 'storytime book_drive cultural_program', 19, 'America/Los_Angeles', -480, 1, 'informal', 95, 'Catholic parish hall hosting a food pantry, a Saturday Spanish Mass and youth groups.', 'Bilingual storytimes after Saturday Mass and a winter book drive.', '', 0),
	('Valley Family Health Clinic', 'Valley Family Health Clinic', 'health', 'US', 'Oregon', 'Salem', 'en es', 'book_drive workshop', 9, 'America/Los_Angeles', -480, 1, 'memorandum', 60, 'Federally qualified health center with pediatric and prenatal care.', 'Books for waiting rooms and health-literacy workshops for parents.', 'outreach@valleyfamilyhealth.example', 0),
	('Marion County WIC Office', 'Marion County WIC Office', 'government', 'US', 'Oregon', 'Salem', 'en es', 'storytime workshop', 1, 'America/Los_Angeles', -480, 1, 'informal', 410, 'Women, Infants and Children nutrition program office.', 'Early-literacy kits and short storytimes during WIC appointments.', '', 0),
	('Rotary Club of Maple Falls', 'Rotary Club of Maple Falls', 'service_club', 'US', 'Oregon', 'Maple Falls', 'en', 'book_drive exhibit', 2, 'America/Los_Angeles', -480, 0, 'informal', 200, 'Service club of 60 members supporting literacy and international projects.', '', '', 0),
	('Maple Falls Sister Cities Committee', 'Maple Falls Sister Cities Committee', 'sister_cities', 'US', 'Oregon', 'Maple Falls', 'en es ja', 'cultural_program staff_exchange exhibit', 16, 'America/Los_Angeles', -480, 1, 'memorandum', 150, 'Volunteer committee for the city''s sister-city ties with Pereira (Colombia) and Kakegawa (Japan).', 'A library to host exhibits and videoconferences with our sister cities.', '', 0),
	('Oak Street Elementary School Library', 'Oak Street Elementary School Library', 'school', 'US', 'Oregon', 'Maple Falls', 'en es', 'pen_pals book_exchange', 2, 'America/Los_Angeles', -480, 1, 'informal', 20, 'K-5 school library with a dual-language program.', 'Pen-pal classes in Spanish-speaking countries for grades 3 to 5.', '', 0),
	('Brooklyn Heights Branch Library', 'Brooklyn Heights Branch Library', 'public', 'US', 'New York', 'Brooklyn', 'en es zh ru', 'pen_pals videoconference cultural_program', 31, 'America/New_York', -300, 1, 'informal', 70, 'Busy urban branch with collections in Chinese, Russian and Spanish.', 'International pen pals for our teen book club.', '', 0),
	('Tucson Desert Valley Library', 'Tucson Desert Valley Library', 'public', 'US', 'Arizona', 'Tucson', 'en es', 'book_exchange cultural_program exhibit', 31, 'America/Phoenix', -420, 1, 'memorandum', 500, 'Border-region library with a strong Mexican-American heritage collection.', 'Book and art exchanges with libraries in Sonora.', '', 0),
	('University of Minnesota Somali Studies Collection', 'University of Minnesota Somali Studies Collection', 'academic', 'US', 'Minnesota', 'Minneapolis', 'en so', 'book_exchange exhibit staff_exchange', 8, 'America/Chicago', -360, 1, 'formal', 45, 'Research collection on Somali language, literature and diaspora.', 'Academic partners in the Horn of Africa for digitization and staff exchanges.', '', 0),
	('Anchorage Native Heritage Library', 'Anchorage Native Heritage Library', 'special', 'US', 'Alaska', 'Anchorage', 'en', 'exhibit cultural_program', 24, 'America/Anchorage', -540, 1, 'informal', 800, 'Small special library of Alaska Native language materials.', 'Indigenous-language libraries elsewhere for shared exhibits.', '', 0),
	('Honolulu Kaimukī Community Library', 'Honolulu Kaimukī Community Library', 'public', 'US', 'Hawaii', 'Honolulu', 'en ja', 'pen_pals storytime', 3, 'Pacific/Honolulu', -600, 1, 'informal', 25, 'Neighborhood library with a Japanese-heritage reading circle.', 'Pen pals with children''s libraries in Japan.', '', 0),
	('Toronto Scarborough Civic Library', 'Toronto Scarborough Civic Library', 'public', 'CA', 'Ontario', 'Toronto', 'en fr ta zh', 'pen_pals videoconference workshop', 31, 'America/Toronto', -300, 1, 'memorandum', 33, 'Branch serving one of Canada''s most diverse communities; newcomer services.', 'Libraries in South India and Sri Lanka for Tamil reading programs.', '', 0),
	('Bibliothèque de Québec – Gabrielle-Roy', 'Quebec City Library, Gabrielle-Roy branch', 'public', 'CA', 'Québec', 'Québec', 'fr en', 'book_exchange cultural_program staff_exchange', 31, 'America/Toronto', -300, 1, 'formal', 58, 'Central library of Quebec City with a large francophone children''s collection.', 'Francophone sister libraries in Africa and Europe.', '', 0),
	('St. John''s Memorial Public Library', 'St. John''s Memorial Public Library', 'public', 'CA', 'Newfoundland and Labrador', 'St. John''s', 'en', 'pen_pals videoconference', 6, 'America/St_Johns', -210, 1, 'informal', 120, 'Library on the Atlantic coast, half an hour ahead of Atlantic time.', 'School classes abroad for pen pals about fishing towns.', '', 0),
	('Vancouver Punjabi Cultural Society', 'Vancouver Punjabi Cultural Society', 'cultural', 'CA', 'British Columbia', 'Surrey', 'pa en hi', 'cultural_program exhibit', 16, 'America/Vancouver', -480, 1, 'informal', 90, 'Community society for Punjabi music, poetry and Vaisakhi celebrations.', 'A library to host bilingual poetry readings.', '', 0),
	('Winnipeg Newcomer Employment Centre', 'Winnipeg Newcomer Employment Centre', 'refugee', 'CA', 'Manitoba', 'Winnipeg', 'en fr ar ti', 'workshop', 8, 'America/Winnipeg', -360, 1, 'informal', 15, 'Job search and language support for newcomers to Manitoba.', 'Library partners for résumé workshops and digital literacy.', '', 0),
	('Biblioteca Pública Municipal de Pereira', 'Pereira Municipal Public Library', 'public', 'CO', 'Risaralda', 'Pereira', 'es', 'pen_pals book_exchange videoconference storytime', 7, 'America/Bogota', -300, 1, 'formal', 20, 'Municipal library of Maple Falls'' sister city, with a busy children''s room and a rural book-bus.', 'Pen pals and videoconference storytimes with English-speaking libraries.', 'biblioteca@pereira-cultura.example', 1),
	('Biblioteca Comunitaria La Esperanza', 'La Esperanza Community Library', 'public', 'CO', 'Antioquia', 'Medellín', 'es', 'pen_pals storytime workshop', 3, 'America/Bogota', -300, 1, 'informal', 75, 'Volunteer-run library in a hillside neighborhood of Medellín, open after school.', 'Children''s pen pals and donated picture books in Spanish and English.', '', 0),
	('Biblioteca Departamental de Cali', 'Cali Departmental Library', 'public', 'CO', 'Valle del Cauca', 'Cali', 'es', 'cultural_program exhibit videoconference', 31, 'America/Bogota', -300, 1, 'memorandum', 130, 'Regional library known for salsa archives and Afro-Colombian heritage programs.', 'Exhibit exchanges on music and heritage.', '', 0),
	('Biblioteca Nacional de Colombia, sala infantil', 'National Library of Colombia, children''s room', 'national', 'CO', 'Bogotá D.C.', 'Bogotá', 'es', 'book_exchange staff_exchange', 3, 'America/Bogota', -300, 0, 'formal', 220, 'Children''s reading room of the national library in Bogotá.', '', '', 0),
	('Biblioteca Pública Municipal de Oaxaca', 'Oaxaca Municipal Public Library', 'public', 'MX', 'Oaxaca', 'Oaxaca de Juárez', 'es zap', 'cultural_program book_exchange storytime', 31, 'America/Mexico_City', -360, 1, 'informal', 50, 'Library with Zapotec-language storytelling and a weaving-pattern archive.', 'Partners for bilingual Zapotec–Spanish story programs.', '', 0),
	('Biblioteca Escolar Benito Juárez', 'Benito Juárez School Library', 'school', 'MX', 'Sonora', 'Hermosillo', 'es', 'pen_pals book_exchange', 2, 'America/Hermosillo', -420, 1, 'informal', 35, 'Primary school library in Hermosillo.', 'Pen pals with US classes learning Spanish.', '', 0),
	('Centro Cultural Tijuana Biblioteca', 'Tijuana Cultural Center Library', 'cultural', 'MX', 'Baja California', 'Tijuana', 'es en', 'exhibit cultural_program', 24, 'America/Tijuana', -480, 1, 'memorandum', 390, 'Library of the border city''s cultural center: art books and migration history.', 'Exhibits on border life with US libraries.', '', 0),
	('Biblioteca Universitaria de Guadalajara', 'University of Guadalajara Library', 'academic', 'MX', 'Jalisco', 'Guadalajara', 'es en', 'staff_exchange book_exchange', 8, 'America/Mexico_City', -360, 0, 'formal', 140, 'University library network with 40 branches.', '', '', 0),
	('Biblioteca Municipal de Miraflores', 'Miraflores Municipal Library', 'public', 'PE', 'Lima', 'Lima', 'es', 'pen_pals videoconference storytime', 7, 'America/Lima', -300, 1, 'informal', 42, 'Seaside municipal library with a Saturday family reading club.', 'Videoconference storytimes in Spanish and English.', '', 0),
	('Biblioteca Comunal Qhapaq Ñan', 'Qhapaq Ñan Community Library', 'public', 'PE', 'Cusco', 'Cusco', 'es qu', 'cultural_program book_exchange', 31, 'America/Lima', -300, 1, 'informal', 600, 'Community library collecting Quechua oral histories.', 'Book exchanges and an oral-history exhibit.', '', 0),
	('Biblioteca Popular Bernardino Rivadavia', 'Bernardino Rivadavia Popular Library', 'public', 'AR', 'Buenos Aires', 'Bahía Blanca', 'es it', 'book_exchange cultural_program exhibit', 31, 'America/Argentina/Buenos_Aires', -180, 1, 'memorandum', 66, 'One of Argentina''s historic "bibliotecas populares", run by its members since 1882.', 'Exchanges of Italian-immigrant history with libraries in Italy.', '', 0),
	('Biblioteca Escolar Nº 12 de Rosario', 'Rosario School Library No. 12', 'school', 'AR', 'Santa Fe', 'Rosario', 'es', 'pen_pals', 2, 'America/Argentina/Cordoba', -180, 1, 'informal', 18, 'Secondary school library in Rosario.', 'Pen pals for students learning English.', '', 0),
	('Biblioteca Parque Villa-Lobos', 'Villa-Lobos Park Library', 'public', 'BR', 'São Paulo', 'São Paulo', 'pt es', 'storytime cultural_program exhibit', 31, 'America/Sao_Paulo', -180, 1, 'informal', 80, 'Library inside a city park, with outdoor reading and music programs.', 'Parks and libraries abroad for shared outdoor reading days.', '', 0),
	('Biblioteca Comunitária Caminhos da Leitura', 'Reading Paths Community Library', 'public', 'BR', 'São Paulo', 'Parelheiros', 'pt', 'pen_pals book_exchange storytime', 3, 'America/Sao_Paulo', -180, 1, 'informal', 55, 'Community library in a former cemetery on São Paulo''s southern edge.', 'Children''s letters and picture-book exchanges.', '', 0),
	('Biblioteca Pública do Estado da Bahia', 'Bahia State Public Library', 'public', 'BR', 'Bahia', 'Salvador', 'pt', 'cultural_program exhibit staff_exchange', 31, 'America/Bahia', -180, 1, 'memorandum', 210, 'State library with Afro-Brazilian collections.', 'Staff exchanges with African libraries.', '', 0),
	('Igreja Batista da Esperança – Sala de Leitura', 'Hope Baptist Church Reading Room', 'religious', 'BR', 'Pernambuco', 'Recife', 'pt', 'storytime book_drive', 3, 'America/Recife', -180, 1, 'informal', 160, 'Church reading room open to the neighborhood''s children on weekdays.', 'Donated Portuguese children''s books.', '', 0),
	('Biblioteca de Santiago', 'Santiago Library', 'public', 'CL', 'Región Metropolitana', 'Santiago', 'es', 'videoconference workshop cultural_program', 31, 'America/Santiago', -240, 1, 'formal', 28, 'Large public library in a former government warehouse.', 'Workshops on library makerspaces by videoconference.', '', 0),
	('Biblioteca Municipal de Valparaíso', 'Valparaíso Municipal Library', 'public', 'CL', 'Valparaíso', 'Valparaíso', 'es', 'pen_pals exhibit', 6, 'America/Santiago', -240, 1, 'informal', 450, 'Port-city library with a poetry collection devoted to Neruda.', 'Poetry exchanges between port cities.', '', 0),
	('Bibliothèque municipale de Lyon – Part-Dieu', 'Lyon Municipal Library, Part-Dieu', 'public', 'FR', 'Auvergne-Rhône-Alpes', 'Lyon', 'fr en', 'book_exchange staff_exchange exhibit', 31, 'Europe/Paris', 60, 1, 'formal', 38, 'One of France''s largest public libraries, with a heritage collection of manuscripts.', 'Staff exchanges and exhibit loans with francophone libraries.', '', 0),
	('Médiathèque Jacques-Prévert de Villeurbanne', 'Jacques Prévert Media Library, Villeurbanne', 'public', 'FR', 'Auvergne-Rhône-Alpes', 'Villeurbanne', 'fr ar', 'pen_pals storytime cultural_program', 3, 'Europe/Paris', 60, 1, 'informal', 47, 'Neighborhood media library with Arabic-French bilingual storytimes.', 'Sister libraries in Morocco and Algeria.', '', 0),
	('Bibliothèque Sainte-Geneviève', 'Sainte-Geneviève Library', 'academic', 'FR', 'Île-de-France', 'Paris', 'fr la', 'exhibit staff_exchange', 8, 'Europe/Paris', 60, 0, 'formal', 300, 'University library in the Latin Quarter, famous for its reading room.', '', '', 0),
	('Association Lire et Faire Lire – Marseille', 'Read and Get Reading Association, Marseille', 'cultural', 'FR', 'Provence-Alpes-Côte d''Azur', 'Marseille', 'fr', 'storytime', 3, 'Europe/Paris', 60, 1, 'informal', 100, 'Retired volunteers who read aloud to young children.', 'Libraries that welcome volunteer readers.', '', 0),
	('Centre d''accueil des réfugiés de Calais', 'Calais Refugee Reception Centre', 'refugee', 'FR', 'Hauts-de-France', 'Calais', 'fr en ar ps ti', 'workshop book_drive', 25, 'Europe/Paris', 60, 1, 'informal', 14, 'Day centre offering French lessons and legal advice.', 'Books in Pashto, Tigrinya and Arabic.', '', 0),
	('Biblioteca Pública de Zaragoza', 'Zaragoza Public Library', 'public', 'ES', 'Aragón', 'Zaragoza', 'es', 'pen_pals book_exchange', 31, 'Europe/Madrid', 60, 1, 'memorandum', 62, 'City library network with a children''s reading marathon every spring.', 'Pen pals with Latin American libraries.', '', 0),
	('Biblioteca Municipal de Sevilla – Infanta Elena', 'Seville Municipal Library, Infanta Elena', 'public', 'ES', 'Andalucía', 'Sevilla', 'es ar', 'cultural_program exhibit', 31, 'Europe/Madrid', 60, 1, 'informal', 380, 'Library in a park pavilion near the river.', 'Exhibits on Al-Andalus with libraries in Morocco.', '', 0),
	('Biblioteca de Catalunya', 'Library of Catalonia', 'national', 'ES', 'Catalunya', 'Barcelona', 'ca es', 'exhibit staff_exchange', 8, 'Europe/Madrid', 60, 0, 'formal', 260, 'National library of Catalonia in a medieval hospital.', '', '', 0),
	('Escola Sant Jordi – Biblioteca', 'Sant Jordi School Library', 'school', 'ES', 'Catalunya', 'Girona', 'ca es en', 'pen_pals book_exchange', 6, 'Europe/Madrid', 60, 1, 'informal', 41, 'Primary school library that celebrates Sant Jordi with books and roses.', 'English-speaking classes for Sant Jordi book exchanges.', '', 0),
	('Stadtbibliothek Köln', 'Cologne City Library', 'public', 'DE', 'Nordrhein-Westfalen', 'Köln', 'de en tr', 'workshop staff_exchange videoconference', 31, 'Europe/Berlin', 60, 1, 'formal', 26, 'City library known for its makerspace and digital workshops.', 'Staff exchanges on makerspaces and digital literacy.', '', 0),
	('Stadtbücherei Heidelberg', 'Heidelberg City Library', 'public', 'DE', 'Baden-Württemberg', 'Heidelberg', 'de en', 'pen_pals book_exchange', 6, 'Europe/Berlin', 60, 1, 'informal', 88, 'City library with an international children''s book section.', 'Pen pals for German-learning classes abroad.', '', 0),
	('Türkisch-Deutscher Kulturverein Berlin', 'Turkish-German Cultural Association Berlin', 'cultural', 'DE', 'Berlin', 'Berlin', 'de tr', 'cultural_program exhibit', 16, 'Europe/Berlin', 60, 1, 'informal', 420, 'Cultural association running bilingual poetry and film evenings.', 'A library venue for bilingual readings.', '', 0),
	('Biblioteca civica di Bologna – Sala Borsa', 'Bologna Civic Library, Sala Borsa', 'public', 'IT', 'Emilia-Romagna', 'Bologna', 'it en', 'book_exchange exhibit storytime', 31, 'Europe/Rome', 60, 1, 'formal', 36, 'Library in a former stock exchange, with a glass floor over Roman ruins.', 'Children''s picture-book exchanges; Bologna Book Fair visits.', '', 0),
	('Biblioteca comunale di Lampedusa', 'Lampedusa Municipal Library', 'public', 'IT', 'Sicilia', 'Lampedusa', 'it en ar', 'book_drive storytime', 3, 'Europe/Rome', 60, 1, 'informal', 52, 'Island library that welcomes children arriving by sea with picture books without words.', 'Wordless picture books and books in Arabic and Tigrinya.', '', 0),
	('Biblioteca Municipal de Lisboa – Palácio Galveias', 'Lisbon Municipal Library, Galveias Palace', 'public', 'PT', 'Lisboa', 'Lisboa', 'pt en', 'cultural_program exhibit', 31, 'Europe/Lisbon', 0, 1, 'memorandum', 72, 'Library in an 18th-century palace with a garden reading room.', 'Lusophone partners in Brazil, Angola and Mozambique.', '', 0),
	('Biblioteca Escolar de Braga', 'Braga School Library', 'school', 'PT', 'Braga', 'Braga', 'pt', 'pen_pals', 2, 'Europe/Lisbon', 0, 1, 'informal', 480, 'Secondary school library.', 'Pen pals with Portuguese-speaking schools abroad.', '', 0),
	('Manchester Central Library', 'Manchester Central Library', 'public', 'GB', 'England', 'Manchester', 'en ur', 'cultural_program exhibit workshop', 31, 'Europe/London', 0, 1, 'formal', 31, 'Rotunda library with a language library of 40 languages.', 'Libraries in Pakistan and Bangladesh for a shared poetry festival.', '', 0),
	('Glasgow Women''s Library', 'Glasgow Women''s Library', 'special', 'GB', 'Scotland', 'Glasgow', 'en', 'exhibit workshop', 8, 'Europe/London', 0, 1, 'memorandum', 110, 'Library and museum dedicated to women''s lives and histories.', 'Women''s libraries abroad for joint exhibits.', '', 0),
	('Cardiff Refugee Council Drop-in', 'Cardiff Refugee Council Drop-in', 'refugee', 'GB', 'Wales', 'Cardiff', 'en cy ar ku', 'workshop book_drive', 9, 'Europe/London', 0, 1, 'informal', 12, 'Weekly drop-in for asylum seekers with English classes.', 'Library tours and donated dictionaries.', '', 0),
	('Dublin City Libraries – Pearse Street', 'Dublin City Libraries, Pearse Street', 'public', 'IE', 'Leinster', 'Dublin', 'en ga', 'exhibit cultural_program staff_exchange', 31, 'Europe/Dublin', 0, 1, 'formal', 29, 'Central library with the Dublin and Irish collections.', 'Irish-language exchanges with Gaelic libraries in Scotland and Canada.', '', 0),
	('Leabharlann Chontae na Gaillimhe', 'Galway County Library', 'public', 'IE', 'Connacht', 'Galway', 'ga en', 'pen_pals storytime', 6, 'Europe/Dublin', 0, 1, 'informal', 140, 'County library serving the Gaeltacht.', 'Irish-language storytimes with diaspora libraries.', '', 0),
	('Openbare Bibliotheek Amsterdam', 'Amsterdam Public Library', 'public', 'NL', 'Noord-Holland', 'Amsterdam', 'nl en', 'workshop staff_exchange', 31, 'Europe/Amsterdam', 60, 1, 'memorandum', 37, 'Large central library by the harbour.', 'Staff exchanges on library design.', '', 0),
	('Bibliotheek Rotterdam – Taalhuis', 'Rotterdam Library Language House', 'public', 'NL', 'Zuid-Holland', 'Rotterdam', 'nl en ar tr', 'workshop', 8, 'Europe/Amsterdam', 60, 1, 'informal', 63, 'Adult literacy and Dutch-as-a-second-language centre in the city library.', 'Partners for adult literacy methods.', '', 0),
	('Biblioteka Publiczna m.st. Warszawy', 'Warsaw Public Library', 'public', 'PL', 'Mazowieckie', 'Warszawa', 'pl uk en', 'book_exchange book_drive', 31, 'Europe/Warsaw', 60, 1, 'formal', 21, 'City library network that opened Ukrainian-language corners in 2022.', 'Ukrainian children''s books and partner libraries in Ukraine.', '', 0),
	('Biblioteka Szkolna nr 5 w Krakowie', 'Kraków School Library No. 5', 'school', 'PL', 'Małopolskie', 'Kraków', 'pl en', 'pen_pals', 6, 'Europe/Warsaw', 60, 1, 'informal', 510, 'Primary school library.', 'English pen pals for grade 6.', '', 0),
	('Львівська обласна бібліотека для дітей', 'Lviv Regional Children''s Library', 'public', 'UA', 'Lvivska oblast', 'Lviv', 'uk en pl', 'pen_pals book_exchange videoconference storytime', 7, 'Europe/Kyiv', 120, 1, 'formal', 16, 'Regional children''s library that kept its doors open through the war and runs storytimes in shelters.', 'Sister libraries for children''s letters, videoconferences and donated Ukrainian books.', 'partners@lviv-kids-library.example', 1),
	('Харківська державна наукова бібліотека', 'Kharkiv State Scientific Library', 'academic', 'UA', 'Kharkivska oblast', 'Kharkiv', 'uk en', 'staff_exchange book_exchange', 8, 'Europe/Kyiv', 120, 1, 'memorandum', 44, 'Historic research library; parts of its building were damaged in 2022.', 'Digitization help and staff exchanges.', '', 0),
	('Одеська публічна бібліотека для юнацтва', 'Odesa Public Library for Young Adults', 'public', 'UA', 'Odeska oblast', 'Odesa', 'uk ru', 'pen_pals cultural_program', 4, 'Europe/Kyiv', 120, 1, 'informal', 98, 'Library for teenagers with a comics club and English club.', 'Teen pen pals and comics exchanges.', '', 0),
	('Київська міська бібліотека № 12', 'Kyiv City Library No. 12', 'public', 'UA', 'Kyiv', 'Kyiv', 'uk', 'book_drive storytime', 3, 'Europe/Kyiv', 120, 1, 'informal', 365, 'Neighborhood library on the left bank of Kyiv.', 'Books in Ukrainian for children.', '', 0),
	('Российская государственная детская библиотека', 'Russian State Children''s Library', 'national', 'RU', 'Moscow', 'Moscow', 'ru', 'book_exchange', 3, 'Europe/Moscow', 180, 0, 'formal', 900, 'National children''s library in Moscow.', '', '', 0),
	('Библиотека имени Чехова, Таганрог', 'Chekhov Library, Taganrog', 'public', 'RU', 'Rostov Oblast', 'Taganrog', 'ru', 'exhibit cultural_program', 24, 'Europe/Moscow', 180, 0, 'informal', 700, 'Public library in Chekhov''s home town.', '', '', 0),
	('Δημοτική Βιβλιοθήκη Θεσσαλονίκης', 'Thessaloniki Municipal Library', 'public', 'GR', 'Central Macedonia', 'Thessaloniki', 'el en', 'cultural_program exhibit pen_pals', 31, 'Europe/Athens', 120, 1, 'memorandum', 49, 'City library network with a children''s branch by the sea.', 'Pen pals and exhibits on Mediterranean port cities.', '', 0),
	('Βιβλιοθήκη Λέσβου – Κέντρο Προσφύγων', 'Lesbos Library and Refugee Reading Corner', 'refugee', 'GR', 'North Aegean', 'Mytilene', 'el en ar fa', 'book_drive storytime workshop', 27, 'Europe/Athens', 120, 1, 'informal', 19, 'Reading corner run with volunteers for families waiting for asylum decisions.', 'Books in Farsi and Arabic; volunteer storytellers by video.', '', 0),
	('İstanbul Beyoğlu Halk Kütüphanesi', 'Beyoğlu Public Library, Istanbul', 'public', 'TR', 'İstanbul', 'İstanbul', 'tr en', 'cultural_program exhibit book_exchange', 31, 'Europe/Istanbul', 180, 1, 'informal', 57, 'Public library in a 19th-century building near İstiklal Avenue.', 'Book and exhibit exchanges on Istanbul''s many cultures.', '', 0),
	('Gaziantep Çocuk Kütüphanesi', 'Gaziantep Children''s Library', 'public', 'TR', 'Gaziantep', 'Gaziantep', 'tr ar', 'storytime book_drive', 3, 'Europe/Istanbul', 180, 1, 'informal', 23, 'Children''s library serving Turkish and Syrian families.', 'Arabic picture books and bilingual storytime ideas.', '', 0),
	('مكتبة الإسكندرية – قسم الطفل', 'Bibliotheca Alexandrina, Children''s Library', 'national', 'EG', 'Alexandria', 'Alexandria', 'ar en fr', 'videoconference cultural_program exhibit', 6, 'Africa/Cairo', 120, 1, 'formal', 39, 'Children''s library of the great library on the Mediterranean.', 'Videoconference programs on ancient libraries for schools.', '', 0),
	('مكتبة مصر العامة بالأقصر', 'Misr Public Library, Luxor', 'public', 'EG', 'Luxor', 'Luxor', 'ar en', 'pen_pals cultural_program', 7, 'Africa/Cairo', 120, 1, 'informal', 430, 'Public library near the Nile with English clubs for teenagers.', 'Pen pals for teens learning English.', '', 0),
	('المكتبة الوسائطية بفاس', 'Fez Media Library', 'public', 'MA', 'Fès-Meknès', 'Fès', 'ar fr ber', 'cultural_program book_exchange storytime', 31, 'Africa/Casablanca', 60, 1, 'memorandum', 34, 'City media library in the old medina with Arabic, French and Amazigh collections.', 'Sister libraries in France and the United States for cultural programs.', 'mediatheque@fes-culture.example', 1),
	('Bibliothèque de l''Institut français de Rabat', 'Institut français Library, Rabat', 'cultural', 'MA', 'Rabat-Salé-Kénitra', 'Rabat', 'fr ar', 'workshop cultural_program', 24, 'Africa/Casablanca', 60, 1, 'informal', 170, 'French cultural institute library with film and comics collections.', 'Comics workshops with libraries elsewhere.', '', 0),
	('مكتبة عبد الحميد شومان العامة', 'Abdul Hameed Shoman Public Library', 'public', 'JO', 'Amman', 'Amman', 'ar en', 'workshop videoconference cultural_program', 31, 'Asia/Amman', 180, 1, 'formal', 27, 'Leading Jordanian public library known for reading campaigns.', 'Reading-campaign partners and videoconferences.', '', 0),
	('مركز اللاجئين في الزعتري – خيمة القراءة', 'Zaatari Reading Tent', 'refugee', 'JO', 'Mafraq', 'Zaatari', 'ar en', 'storytime book_drive', 3, 'Asia/Amman', 180, 1, 'informal', 11, 'Reading tent for children in the Zaatari refugee camp.', 'Arabic children''s books and story kits.', '', 0),
	('مكتبة السبيل العامة', 'Assabil Public Library', 'public', 'LB', 'Beirut', 'Beirut', 'ar fr en', 'cultural_program storytime workshop', 31, 'Asia/Beirut', 120, 1, 'memorandum', 46, 'Network of free public libraries in Beirut neighborhoods.', 'Programs for children who lost schooling after the port explosion.', '', 0),
	('Kenya National Library Service – Kisumu', 'Kenya National Library Service, Kisumu', 'public', 'KE', 'Kisumu', 'Kisumu', 'sw en luo', 'pen_pals book_exchange videoconference', 7, 'Africa/Nairobi', 180, 1, 'formal', 24, 'Branch library on Lake Victoria with a busy children''s corner.', 'Book donations and children''s pen pals.', '', 0),
	('Kibera Community Library', 'Kibera Community Library', 'public', 'KE', 'Nairobi', 'Nairobi', 'sw en', 'storytime book_drive workshop', 7, 'Africa/Nairobi', 180, 1, 'informal', 85, 'Volunteer library in Nairobi''s largest informal settlement.', 'Books and computer-skills volunteers.', '', 0),
	('Nairobi Rotary Readers', 'Nairobi Rotary Readers', 'service_club', 'KE', 'Nairobi', 'Nairobi', 'en sw', 'book_drive', 2, 'Africa/Nairobi', 180, 0, 'informal', 620, 'Rotary literacy committee.', '', '', 0),
	('Lagos Library for Children, Yaba', 'Lagos Library for Children, Yaba', 'public', 'NG', 'Lagos', 'Lagos', 'en yo', 'pen_pals storytime book_drive', 3, 'Africa/Lagos', 60, 1, 'informal', 32, 'Children''s library with Yoruba storytelling.', 'Children''s books and pen pals.', '', 0),
	('Kano State Library Board', 'Kano State Library Board', 'public', 'NG', 'Kano', 'Kano', 'ha en ar', 'book_exchange staff_exchange', 31, 'Africa/Lagos', 60, 1, 'memorandum', 330, 'State library board serving northern Nigeria.', 'Hausa-language materials and staff training.', '', 0),
	('Accra Central Library', 'Accra Central Library', 'public', 'GH', 'Greater Accra', 'Accra', 'en tw', 'pen_pals videoconference book_exchange', 7, 'Africa/Accra', 0, 1, 'formal', 40, 'Ghana Library Authority''s central library.', 'Videoconference book clubs with English-speaking libraries.', '', 0),
	('Cape Town Central Library', 'Cape Town Central Library', 'public', 'ZA', 'Western Cape', 'Cape Town', 'en af xh', 'cultural_program workshop staff_exchange', 31, 'Africa/Johannesburg', 120, 1, 'memorandum', 53, 'Library in the old drill hall on the Grand Parade.', 'Staff exchanges on community programming.', '', 0),
	('Soweto Reading Room', 'Soweto Reading Room', 'public', 'ZA', 'Gauteng', 'Soweto', 'zu en st', 'storytime pen_pals', 3, 'Africa/Johannesburg', 120, 1, 'informal', 135, 'Community reading room for young children.', 'Pen pals for children aged 8 to 11.', '', 0),
	('Delhi Public Library – Sarojini Nagar', 'Delhi Public Library, Sarojini Nagar', 'public', 'IN', 'Delhi', 'New Delhi', 'hi en', 'pen_pals book_exchange', 7, 'Asia/Kolkata', 330, 1, 'informal', 61, 'Branch of the Delhi Public Library system.', 'English-Hindi pen pals.', '', 0),
	('கன்னிமாரா பொது நூலகம்', 'Connemara Public Library, Chennai', 'public', 'IN', 'Tamil Nadu', 'Chennai', 'ta en', 'book_exchange cultural_program staff_exchange', 31, 'Asia/Kolkata', 330, 1, 'formal', 35, 'One of India''s four national depository libraries.', 'Tamil-language partners in Canada, Singapore and Sri Lanka.', '', 0),
	('Pratham Books Reading Community, Bengaluru', 'Pratham Books Reading Community, Bengaluru', 'cultural', 'IN', 'Karnataka', 'Bengaluru', 'kn en hi', 'storytime book_drive', 3, 'Asia/Kolkata', 330, 1, 'informal', 77, 'Community of storytellers that leads reading sessions in many Indian languages.', 'Libraries that want multilingual storytelling.', '', 0),
	('St. Xavier''s College Library, Kolkata', 'St. Xavier''s College Library, Kolkata', 'academic', 'IN', 'West Bengal', 'Kolkata', 'bn en', 'staff_exchange', 8, 'Asia/Kolkata', 330, 0, 'formal', 350, 'College library with a large Bengali collection.', '', '', 0),
	('काठमाडौं उपत्यका सार्वजनिक पुस्तकालय', 'Kathmandu Valley Public Library', 'public', 'NP', 'Bagmati', 'Kathmandu', 'ne en', 'pen_pals videoconference book_drive', 7, 'Asia/Kathmandu', 345, 1, 'informal', 43, 'Public library rebuilt after the 2015 earthquake.', 'Pen pals and videoconferences — we are 5 h 45 min ahead of UTC.', '', 0),
	('Room to Read Partner Library, Pokhara', 'Room to Read Partner Library, Pokhara', 'school', 'NP', 'Gandaki', 'Pokhara', 'ne en', 'pen_pals book_exchange', 2, 'Asia/Kathmandu', 345, 1, 'informal', 115, 'School library started with an NGO.', 'Picture-book exchanges.', '', 0),
	('ঢাকা বিশ্বসাহিত্য কেন্দ্র গ্রন্থাগার', 'Bishwo Shahitto Kendro Library, Dhaka', 'cultural', 'BD', 'Dhaka', 'Dhaka', 'bn en', 'cultural_program book_exchange', 6, 'Asia/Dhaka', 360, 1, 'memorandum', 68, 'Reading movement with mobile libraries across Bangladesh.', 'Mobile-library partners abroad.', '', 0),
	('Karachi Children''s Library', 'Karachi Children''s Library', 'public', 'PK', 'Sindh', 'Karachi', 'ur en sd', 'storytime pen_pals', 3, 'Asia/Karachi', 300, 1, 'informal', 190, 'Children''s library in a busy neighborhood.', 'Urdu-English pen pals.', '', 0),
	('Lahore Public Library', 'Lahore Public Library', 'public', 'PK', 'Punjab', 'Lahore', 'ur en pa', 'cultural_program exhibit', 31, 'Asia/Karachi', 300, 1, 'informal', 54, 'Historic library with a Punjabi poetry collection.', 'Poetry exchanges with Manchester and Surrey.', '', 0),
	('کتابخانه مرکزی شیراز', 'Shiraz Central Library', 'public', 'IR', 'Fars', 'Shiraz', 'fa en', 'cultural_program exhibit', 31, 'Asia/Tehran', 210, 1, 'informal', 250, 'City library in the city of Hafez and Saadi.', 'Poetry exhibits; three and a half hours ahead of UTC.', '', 0),
	('首都图书馆少儿馆', 'Capital Library of China, Children''s Branch', 'public', 'CN', 'Beijing', 'Beijing', 'zh en', 'book_exchange videoconference', 7, 'Asia/Shanghai', 480, 1, 'formal', 64, 'Children''s branch of Beijing''s Capital Library.', 'Picture-book exchanges with libraries abroad.', '', 0),
	('上海图书馆', 'Shanghai Library', 'public', 'CN', 'Shanghai', 'Shanghai', 'zh en', 'staff_exchange exhibit', 31, 'Asia/Shanghai', 480, 1, 'formal', 37, 'One of the largest public libraries in China.', 'Staff exchanges and exhibits.', '', 0),
	('成都市青羊区图书馆', 'Qingyang District Library, Chengdu', 'public', 'CN', 'Sichuan', 'Chengdu', 'zh', 'pen_pals storytime', 3, 'Asia/Shanghai', 480, 1, 'informal', 178, 'District library with a panda-themed children''s corner.', 'Pen pals for primary pupils.', '', 0),
	('臺北市立圖書館', 'Taipei Public Library', 'public', 'TW', 'Taipei', 'Taipei', 'zh en', 'book_exchange staff_exchange videoconference', 31, 'Asia/Taipei', 480, 1, 'formal', 22, 'Library system with automated stations in metro stations.', 'Videoconferences on library technology.', '', 0),
	('高雄市立圖書館總館', 'Kaohsiung Main Public Library', 'public', 'TW', 'Kaohsiung', 'Kaohsiung', 'zh en', 'exhibit cultural_program', 31, 'Asia/Taipei', 480, 1, 'memorandum', 102, 'Open building by the harbour.', 'Exhibit exchanges.', '', 0),
	('掛川市立中央図書館', 'Kakegawa City Central Library', 'public', 'JP', 'Shizuoka', 'Kakegawa', 'ja en', 'pen_pals book_exchange cultural_program', 7, 'Asia/Tokyo', 540, 1, 'memorandum', 29, 'City library of Maple Falls'' other sister city, with a tea-culture collection.', 'Children''s letters and picture-book exchanges in Japanese and English.', '', 0),
	('大阪府立中央図書館', 'Osaka Prefectural Central Library', 'public', 'JP', 'Osaka', 'Higashiosaka', 'ja en', 'staff_exchange exhibit', 31, 'Asia/Tokyo', 540, 1, 'formal', 81, 'Prefectural library with an international children''s library.', 'International children''s book exhibits.', '', 0),
	('札幌市立北小学校図書室', 'Sapporo Kita Elementary School Library', 'school', 'JP', 'Hokkaido', 'Sapporo', 'ja', 'pen_pals', 2, 'Asia/Tokyo', 540, 1, 'informal', 455, 'Primary school library in northern Japan.', 'Pen pals with English-speaking classes.', '', 0),
	('서울도서관', 'Seoul Metropolitan Library', 'public', 'KR', 'Seoul', 'Seoul', 'ko en', 'staff_exchange videoconference exhibit', 31, 'Asia/Seoul', 540, 1, 'formal', 26, 'Library in the former City Hall building.', 'Staff exchanges and videoconferences.', '', 0),
	('부산 해운대 어린이도서관', 'Haeundae Children''s Library, Busan', 'public', 'KR', 'Busan', 'Busan', 'ko', 'pen_pals storytime', 3, 'Asia/Seoul', 540, 1, 'informal', 93, 'Seaside children''s library.', 'Children''s pen pals.', '', 0),
	('Quezon City Public Library', 'Quezon City Public Library', 'public', 'PH', 'Metro Manila', 'Quezon City', 'tl en', 'pen_pals book_drive workshop', 7, 'Asia/Manila', 480, 1, 'informal', 48, 'City library with a mobile library and a 24-hour reading area.', 'Pen pals and donated English books.', '', 0),
	('Cebu Provincial Library', 'Cebu Provincial Library', 'public', 'PH', 'Cebu', 'Cebu City', 'en tl', 'book_exchange', 7, 'Asia/Manila', 480, 1, 'informal', 560, 'Provincial library.', 'Book exchanges.', '', 0),
	('Thư viện Quốc gia Việt Nam', 'National Library of Vietnam', 'national', 'VN', 'Hà Nội', 'Hà Nội', 'vi en fr', 'staff_exchange exhibit', 8, 'Asia/Ho_Chi_Minh', 420, 1, 'formal', 59, 'National library in Hanoi.', 'Staff exchanges and joint exhibits.', '', 0),
	('Thư viện Tổng hợp TP. Hồ Chí Minh', 'Ho Chi Minh City General Library', 'public', 'VN', 'Hồ Chí Minh', 'Hồ Chí Minh City', 'vi en', 'pen_pals videoconference', 7, 'Asia/Ho_Chi_Minh', 420, 1, 'memorandum', 74, 'City library with a busy English club.', 'Videoconference English clubs.', '', 0),
	('Perpustakaan Nasional Republik Indonesia', 'National Library of Indonesia', 'national', 'ID', 'DKI Jakarta', 'Jakarta', 'id en', 'staff_exchange videoconference', 8, 'Asia/Jakarta', 420, 1, 'formal', 65, 'Tall national library building in central Jakarta.', 'Staff exchanges on digital collections.', '', 0),
	('Rumah Baca Komunitas Yogyakarta', 'Yogyakarta Community Reading House', 'cultural', 'ID', 'DI Yogyakarta', 'Yogyakarta', 'id jv', 'storytime book_drive', 3, 'Asia/Jakarta', 420, 1, 'informal', 122, 'Community reading house with Javanese puppet stories.', 'Books and storytelling exchanges.', '', 0),
	('State Library of Victoria', 'State Library of Victoria', 'national', 'AU', 'Victoria', 'Melbourne', 'en', 'exhibit staff_exchange', 8, 'Australia/Melbourne', 600, 1, 'formal', 39, 'State library with a domed reading room.', 'Exhibit partners.', '', 0),
	('Adelaide City Library', 'Adelaide City Library', 'public', 'AU', 'South Australia', 'Adelaide', 'en el it', 'pen_pals videoconference', 31, 'Australia/Adelaide', 570, 1, 'informal', 86, 'City library in a half-hour time zone.', 'Videoconference book clubs.', '', 0),
	('Darwin Multicultural Community Centre', 'Darwin Multicultural Community Centre', 'cultural', 'AU', 'Northern Territory', 'Darwin', 'en el tl', 'cultural_program workshop', 16, 'Australia/Darwin', 570, 1, 'informal', 145, 'Community centre for Darwin''s many cultures.', 'A library partner for cultural programs.', '', 0),
	('Auckland Central City Library', 'Auckland Central City Library', 'public', 'NZ', 'Auckland', 'Auckland', 'en mi sm', 'cultural_program pen_pals', 31, 'Pacific/Auckland', 720, 1, 'memorandum', 56, 'Library with strong Māori and Pacific collections.', 'Pacific partners for cultural programs.', '', 0),
	('Te Whare Pukapuka o Rotorua', 'Rotorua Library', 'public', 'NZ', 'Bay of Plenty', 'Rotorua', 'mi en', 'storytime cultural_program', 7, 'Pacific/Auckland', 720, 1, 'informal', 470, 'Library in the heart of Te Arawa country.', 'Indigenous-language storytelling exchanges.', '', 0),
	('Helsingin keskustakirjasto Oodi', 'Helsinki Central Library Oodi', 'public', 'FI', 'Uusimaa', 'Helsinki', 'fi sv en', 'workshop staff_exchange exhibit', 31, 'Europe/Helsinki', 120, 1, 'formal', 18, 'Central library with makerspaces, studios and a rooftop reading terrace.', 'Staff exchanges on makerspaces.', '', 0),
	('Malmö stadsbibliotek', 'Malmö City Library', 'public', 'SE', 'Skåne', 'Malmö', 'sv ar en', 'workshop storytime', 31, 'Europe/Stockholm', 60, 1, 'memorandum', 50, 'City library with Arabic storytimes and a language café.', 'Language-café partners.', '', 0),
	('Nasjonalbiblioteket – Mo i Rana', 'National Library of Norway, Mo i Rana', 'national', 'NO', 'Nordland', 'Mo i Rana', 'no en', 'staff_exchange', 8, 'Europe/Oslo', 60, 0, 'formal', 320, 'Digitization center of the National Library.', '', '', 0),
	('Det Kongelige Bibliotek – Den Sorte Diamant', 'Royal Danish Library, Black Diamond', 'national', 'DK', 'Hovedstaden', 'København', 'da en', 'exhibit', 8, 'Europe/Copenhagen', 60, 0, 'formal', 290, 'National library on the Copenhagen waterfront.', '', '', 0),
	('Městská knihovna v Praze', 'Municipal Library of Prague', 'public', 'CZ', 'Praha', 'Praha', 'cs en', 'book_exchange exhibit', 31, 'Europe/Prague', 60, 1, 'memorandum', 69, 'City library with 40 branches and a famous book tower.', 'Exhibit exchanges.', '', 0),
	('Fővárosi Szabó Ervin Könyvtár', 'Metropolitan Ervin Szabó Library', 'public', 'HU', 'Budapest', 'Budapest', 'hu en', 'cultural_program', 31, 'Europe/Budapest', 60, 1, 'informal', 105, 'Library in a neo-baroque palace.', 'Cultural programs.', '', 0),
	('Biblioteca Județeană Cluj', 'Cluj County Library', 'public', 'RO', 'Cluj', 'Cluj-Napoca', 'ro hu', 'pen_pals workshop', 31, 'Europe/Bucharest', 120, 1, 'informal', 78, 'County library serving Romanian and Hungarian speakers.', 'Pen pals and workshops.', '', 0),
	('Национална библиотека „Св. св. Кирил и Методий"', 'SS. Cyril and Methodius National Library', 'national', 'BG', 'Sofia', 'Sofia', 'bg en', 'exhibit staff_exchange', 8, 'Europe/Sofia', 120, 1, 'formal', 155, 'National library of Bulgaria.', 'Exhibits on the Cyrillic alphabet.', '', 0),
	('Библиотека града Београда', 'Belgrade City Library', 'public', 'RS', 'Belgrade', 'Belgrade', 'sr en', 'pen_pals cultural_program', 31, 'Europe/Belgrade', 60, 1, 'informal', 540, 'City library network.', 'Pen pals and cultural programs.', '', 0),
	('Tbilisi Public Library No. 1', 'Tbilisi Public Library No. 1', 'public', 'GE', 'Tbilisi', 'Tbilisi', 'ka en ru', 'pen_pals book_exchange', 7, 'Asia/Tbilisi', 240, 1, 'informal', 67, 'Neighborhood library with an English club.', 'Pen pals.', '', 0),
	('Ереванская детская библиотека', 'Yerevan Children''s Library', 'public', 'AM', 'Yerevan', 'Yerevan', 'hy ru en', 'pen_pals storytime', 3, 'Asia/Yerevan', 240, 1, 'informal', 99, 'Children''s library with Armenian folk tale programs.', 'Pen pals.', '', 0),
	('Алматинская городская библиотека', 'Almaty City Library', 'public', 'KZ', 'Almaty', 'Almaty', 'kk ru en', 'videoconference', 31, 'Asia/Almaty', 300, 1, 'informal', 166, 'City library.', 'Videoconferences.', '', 0),
	('مكتبة الملك عبدالعزيز العامة', 'King Abdulaziz Public Library', 'public', 'SA', 'Riyadh', 'Riyadh', 'ar en', 'exhibit staff_exchange', 31, 'Asia/Riyadh', 180, 1, 'formal', 71, 'Large public library with a women''s section and children''s library.', 'Staff exchanges.', '', 0),
	('مكتبة محمد بن راشد', 'Mohammed bin Rashid Library', 'public', 'AE', 'Dubai', 'Dubai', 'ar en', 'cultural_program exhibit videoconference', 31, 'Asia/Dubai', 240, 1, 'formal', 30, 'Library on Dubai Creek shaped like a lectern.', 'Cultural programs and videoconferences.', '', 0),
	('Biblioteca Nacional de Cuba José Martí', 'José Martí National Library of Cuba', 'national', 'CU', 'La Habana', 'La Habana', 'es', 'book_exchange', 8, 'America/Havana', -300, 1, 'informal', 720, 'National library in Havana.', 'Book exchanges.', '', 0),
	('Biblioteca Pública de Santo Domingo', 'Santo Domingo Public Library', 'public', 'DO', 'Distrito Nacional', 'Santo Domingo', 'es', 'pen_pals storytime', 3, 'America/Santo_Domingo', -240, 1, 'informal', 124, 'Children''s section of the city library.', 'Pen pals with Dominican diaspora libraries.', '', 0),
	('Bibliothèque nationale d''Haïti', 'National Library of Haiti', 'national', 'HT', 'Ouest', 'Port-au-Prince', 'fr ht', 'book_drive staff_exchange', 31, 'America/Port-au-Prince', -300, 1, 'informal', 84, 'National library rebuilding its collections.', 'Book drives in French and Haitian Creole.', '', 0),
	('Biblioteca Municipal de Cochabamba', 'Cochabamba Municipal Library', 'public', 'BO', 'Cochabamba', 'Cochabamba', 'es qu ay', 'cultural_program', 31, 'America/La_Paz', -240, 1, 'informal', 205, 'City library with Quechua programs.', 'Indigenous-language programs.', '', 0),
	('Biblioteca Nacional del Ecuador', 'National Library of Ecuador', 'national', 'EC', 'Pichincha', 'Quito', 'es', 'exhibit', 8, 'America/Guayaquil', -300, 1, 'formal', 240, 'National library in Quito.', 'Exhibits.', '', 0),
	('Biblioteca Pública de Guatemala – Sala Infantil', 'Guatemala Public Library, Children''s Room', 'public', 'GT', 'Guatemala', 'Ciudad de Guatemala', 'es', 'storytime book_drive', 3, 'America/Guatemala', -360, 1, 'informal', 73, 'Children''s room of the national public library.', 'Children''s books in Spanish and Mayan languages.', '', 0),
	('Casa de la Cultura de Granada', 'Granada House of Culture', 'cultural', 'NI', 'Granada', 'Granada', 'es', 'cultural_program exhibit', 16, 'America/Managua', -360, 1, 'informal', 133, 'Cultural house with a small library and painting workshops.', 'Art exchanges.', '', 0),
	('Centro Comunitario Hispano de Salem', 'Salem Hispanic Community Center', 'cultural', 'US', 'Oregon', 'Salem', 'es en', 'workshop cultural_program', 24, 'America/Los_Angeles', -480, 1, 'informal', 22, 'Community center for Latino families: citizenship classes and Día de los Muertos.', 'Library partners for citizenship classes.', '', 0),
	('Maple Falls Parks and Recreation', 'Maple Falls Parks and Recreation', 'park', 'US', 'Oregon', 'Maple Falls', 'en', 'storytime', 16, 'America/Los_Angeles', -480, 1, 'informal', 17, 'City parks department running summer programs in eight parks.', 'Storytime in the park every summer Wednesday.', '', 0),
	('Harbor House Family Shelter', 'Harbor House Family Shelter', 'shelter', 'US', 'Oregon', 'Salem', 'en es', 'book_drive storytime', 3, 'America/Los_Angeles', -480, 1, 'informal', 125, 'Emergency shelter for families with children.', 'Books for children to keep, and a monthly storytime.', '', 0),
	('Chemeketa Community College ESL Program', 'Chemeketa Community College ESL Program', 'education', 'US', 'Oregon', 'Salem', 'en es ru', 'workshop', 8, 'America/Los_Angeles', -480, 1, 'memorandum', 48, 'English-as-a-second-language classes for adults.', 'Library visits and card sign-ups for each new class.', '', 0),
	('Riverbend Books', 'Riverbend Books', 'business', 'US', 'Oregon', 'Maple Falls', 'en', 'book_drive cultural_program', 16, 'America/Los_Angeles', -480, 1, 'informal', 82, 'Independent bookstore on Main Street.', 'Author visits and a holiday book drive.', '', 0),
	('American Corner Tbilisi', 'American Corner Tbilisi', 'american_corner', 'GE', 'Tbilisi', 'Tbilisi', 'ka en', 'videoconference workshop', 12, 'Asia/Tbilisi', 240, 1, 'informal', 58, 'Embassy-supported space with English clubs and a small library.', 'Videoconferences with US libraries.', '', 0),
	('American Corner Lviv', 'American Corner Lviv', 'american_corner', 'UA', 'Lvivska oblast', 'Lviv', 'uk en', 'videoconference cultural_program', 12, 'Europe/Kyiv', 120, 1, 'informal', 27, 'Space in a university library for English clubs and US cultural programs.', 'Videoconferences with US public libraries.', '', 0),
	('American Corner Rabat', 'American Corner Rabat', 'american_corner', 'MA', 'Rabat-Salé-Kénitra', 'Rabat', 'ar fr en', 'videoconference workshop', 12, 'Africa/Casablanca', 60, 1, 'informal', 140, 'Embassy-supported learning space.', 'Videoconference partners.', '', 0),
	('Jacksonville Sister Cities – Bahía Blanca Committee', 'Jacksonville Sister Cities – Bahía Blanca Committee', 'sister_cities', 'US', 'Florida', 'Jacksonville', 'en es', 'cultural_program exhibit', 16, 'America/New_York', -300, 1, 'informal', 160, 'Committee for the sister-city tie with Bahía Blanca, Argentina.', 'A library to host exhibits from Bahía Blanca.', '', 0),
	('Mercy Hospital Children''s Wing Library', 'Mercy Hospital Children''s Wing Library', 'health', 'US', 'Iowa', 'Des Moines', 'en', 'storytime book_drive', 3, 'America/Chicago', -360, 1, 'informal', 430, 'Volunteer library in a children''s hospital ward.', 'Donated new books and storytelling volunteers.', '', 0),
	('Hmong Cultural Center Library', 'Hmong Cultural Center Library', 'special', 'US', 'Minnesota', 'Saint Paul', 'hmn en', 'cultural_program exhibit', 24, 'America/Chicago', -360, 1, 'informal', 71, 'Special library on Hmong history and culture.', 'Libraries in Laos and Thailand.', '', 0),
	('ห้องสมุดประชาชนจังหวัดเชียงใหม่', 'Chiang Mai Provincial Public Library', 'public', 'TH', 'Chiang Mai', 'Chiang Mai', 'th en', 'pen_pals cultural_program', 31, 'Asia/Bangkok', 420, 1, 'informal', 112, 'Provincial library with hill-tribe language collections.', 'Pen pals and cultural programs.', '', 0),
	('Singapore Tampines Regional Library', 'Singapore Tampines Regional Library', 'public', 'SG', 'East Region', 'Singapore', 'en zh ms ta', 'staff_exchange videoconference', 31, 'Asia/Singapore', 480, 1, 'formal', 43, 'Regional library in a mall-and-community hub.', 'Staff exchanges.', '', 0),
	('Perpustakaan Awam Kuala Lumpur', 'Kuala Lumpur Public Library', 'public', 'MY', 'Kuala Lumpur', 'Kuala Lumpur', 'ms en zh', 'book_exchange', 31, 'Asia/Kuala_Lumpur', 480, 1, 'informal', 186, 'City library.', 'Book exchanges.', '', 0),
	('Biblioteca Comunal de Punta Arenas', 'Punta Arenas Community Library', 'public', 'CL', 'Magallanes', 'Punta Arenas', 'es', 'pen_pals', 7, 'America/Punta_Arenas', -180, 1, 'informal', 102, 'The southernmost city library on the American mainland.', 'Pen pals with libraries in the far north.', '', 0),
	('Reykjavik City Library', 'Reykjavik City Library', 'public', 'IS', 'Capital Region', 'Reykjavík', 'is en pl', 'pen_pals cultural_program', 31, 'Atlantic/Reykjavik', 0, 1, 'informal', 76, 'City library with a Polish-language section for newcomers.', 'Pen pals with libraries far south.', '', 0),
	('Bibliothèque municipale de Dakar', 'Dakar Municipal Library', 'public', 'SN', 'Dakar', 'Dakar', 'fr wo', 'pen_pals book_exchange', 7, 'Africa/Dakar', 0, 1, 'informal', 118, 'City library with a Wolof-language storytelling hour.', 'French-language pen pals.', '', 0),
	('Bibliothèque de Kigali', 'Kigali Public Library', 'public', 'RW', 'Kigali', 'Kigali', 'rw en fr', 'videoconference workshop', 31, 'Africa/Kigali', 120, 1, 'memorandum', 37, 'Modern public library on a hill above the city.', 'Videoconferences and workshops.', '', 0),
	('Addis Ababa City Library', 'Addis Ababa City Library', 'public', 'ET', 'Addis Ababa', 'Addis Ababa', 'am en', 'book_drive', 7, 'Africa/Addis_Ababa', 180, 1, 'informal', 205, 'City library.', 'Book donations in English and Amharic.', '', 0),
	('Mogadishu Community Reading Centre', 'Mogadishu Community Reading Centre', 'cultural', 'SO', 'Banaadir', 'Mogadishu', 'so ar en', 'book_exchange', 6, 'Africa/Mogadishu', 180, 1, 'informal', 64, 'Reading centre rebuilt by volunteers.', 'Somali-language books and diaspora partners.', '', 0),
	('Biblioteca Pública de Montevideo', 'Montevideo Public Library', 'public', 'UY', 'Montevideo', 'Montevideo', 'es', 'cultural_program', 31, 'America/Montevideo', -180, 1, 'informal', 350, 'City library.', 'Cultural programs.', '', 0),
	('Biblioteca Nacional del Paraguay', 'National Library of Paraguay', 'national', 'PY', 'Asunción', 'Asunción', 'es gn', 'exhibit', 8, 'America/Asuncion', -240, 0, 'formal', 530, 'National library with Guaraní collections.', '', '', 0);

INSERT INTO org (name, name_en, kind, type, country, region, city, description, seeking,
	seeking_text, commitment, ages, timezone, utc_offset_min, contact_name, contact_email,
	email_public, status, confirmed_on, created_at)
SELECT d.name, CASE WHEN d.name_en = d.name THEN '' ELSE d.name_en END, t.kind, d.type, d.country,
	d.region, d.city, d.description, d.seeking, d.seeking_text, d.commitment, d.ages, d.timezone,
	d.utc_offset_min, CASE WHEN d.email = '' THEN '' ELSE 'Partnerships desk' END, d.email,
	d.email_public, 'listed', date('now', '-' || d.confirmed_days_ago || ' days'),
	strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (d.confirmed_days_ago + 30) || ' days')
FROM demo_org d JOIN org_type t ON t.code = d.type;

-- Every entry has a contact address, so "Contact this organization" works out of the box: those
-- without one get partners@ a domain made from the English name (ASCII letters and digits,
-- words joined by hyphens) under example.org, which is reserved. Whether it is shown publicly
-- (email_public) stays as above: these are for the contact form, which never shows them.
-- The names are spelt out once, into a table: a recursive query inside the UPDATE would be
-- run again for every row (a second of CPU for 155 entries, in every test that loads the demo).
CREATE TEMP TABLE demo_contact AS
WITH RECURSIVE s(id, rest, out) AS (
	SELECT id, lower(CASE WHEN name_en <> '' THEN name_en ELSE name END), '' FROM org
	WHERE status = 'listed' AND contact_email = ''
	UNION ALL
	SELECT id, substr(rest, 2), out || CASE
		WHEN substr(rest, 1, 1) BETWEEN 'a' AND 'z' OR substr(rest, 1, 1) BETWEEN '0' AND '9' THEN substr(rest, 1, 1)
		WHEN substr(rest, 1, 1) IN (' ', '-') AND out <> '' AND substr(out, -1) <> '-' THEN '-'
		ELSE '' END
	FROM s WHERE rest <> ''
)
SELECT id, CASE WHEN rtrim(substr(out, 1, 40), '-') = '' THEN 'entry-' || id
	ELSE rtrim(substr(out, 1, 40), '-') END AS domain
FROM s WHERE rest = '';
UPDATE org SET contact_name = 'Partnerships desk', contact_email = 'partners@' ||
	(SELECT domain FROM demo_contact c WHERE c.id = org.id) || '.example.org'
WHERE status = 'listed' AND contact_email = '';

-- Space-separated codes become rows: 'es en' -> ('es'), ('en').
INSERT INTO org_language (org_id, lang)
SELECT o.id, j.value FROM demo_org d JOIN org o ON o.name = d.name,
	json_each('["' || replace(d.langs, ' ', '","') || '"]') j;
INSERT INTO org_interest (org_id, interest)
SELECT o.id, j.value FROM demo_org d JOIN org o ON o.name = d.name,
	json_each('["' || replace(d.interests, ' ', '","') || '"]') j;

-- What each seeks (the matchmaking pairs only those who want each other): community
-- organizations want a library; libraries abroad want sister libraries; the libraries at home
-- take either, and two of them only want local community partners.
UPDATE org SET seeks = 'library' WHERE kind = 'community' OR country <> 'US';
UPDATE org SET seeks = 'community' WHERE name IN ('Tucson Desert Valley Library',
	'Anchorage Native Heritage Library');

-- Two applications still waiting for review: pending entries never show in the directory.
INSERT INTO org (name, kind, type, country, city, description, status, seeking)
VALUES ('Biblioteca Rural de San Isidro', 'library', 'public', 'HN', 'San Isidro',
	'Rural library waiting for review.', 'pending', 1),
	('Community Garden Readers', 'community', 'park', 'US', 'Maple Falls',
	'Garden reading club waiting for review.', 'pending', 1);
INSERT INTO application (org_id, reference, submitted_at)
SELECT id, CASE name WHEN 'Biblioteca Rural de San Isidro' THEN '3F2A9-C71B4' ELSE '8D04E-5A9C2' END,
	strftime('%Y-%m-%dT%H:%M:%SZ', 'now', CASE name WHEN 'Biblioteca Rural de San Isidro'
	THEN '-6 days' ELSE '-2 days' END)
FROM org WHERE status = 'pending';
UPDATE org SET timezone = 'America/Tegucigalpa', utc_offset_min = -360, seeks = 'library',
	contact_name = 'María Flores', contact_email = 'biblioteca@sanisidro.example'
	WHERE name = 'Biblioteca Rural de San Isidro';
UPDATE org SET timezone = 'America/Los_Angeles', utc_offset_min = -480,
	contact_name = 'Joe Park', contact_email = 'readers@gardenclub.example'
	WHERE name = 'Community Garden Readers';
INSERT INTO org_language (org_id, lang) SELECT id, 'es' FROM org WHERE name = 'Biblioteca Rural de San Isidro';
INSERT INTO org_language (org_id, lang) SELECT id, 'en' FROM org WHERE name = 'Community Garden Readers';
INSERT INTO org_interest (org_id, interest) SELECT id, 'book_exchange' FROM org WHERE name = 'Biblioteca Rural de San Isidro';
INSERT INTO org_interest (org_id, interest) SELECT id, 'storytime' FROM org WHERE name = 'Community Garden Readers';
-- A pending entry's names are written with it (005): as the application form does, here too.
UPDATE org SET languages_text = (SELECT coalesce(group_concat(name, '; '), '') FROM
		(SELECT g.name FROM org_language x JOIN language g ON g.code = x.lang
		 WHERE x.org_id = org.id ORDER BY g.name)),
	interests_text = (SELECT coalesce(group_concat(label, '; '), '') FROM
		(SELECT i.label FROM org_interest x JOIN interest i ON i.code = x.interest
		 WHERE x.org_id = org.id ORDER BY i.position)),
	interest_bits = (SELECT coalesce(sum(1 << i.position), 0) FROM org_interest x
		 JOIN interest i ON i.code = x.interest WHERE x.org_id = org.id)
	WHERE status = 'pending';

-- Demo accounts, one per role, all with the password "demo-password" (yescrypt). For trying
-- the staff pages on a demo site only: a real site makes its accounts with liaison-admin.
INSERT INTO account (name, role, password_hash) VALUES
	('admin', 'admin', '$y$j9T$Lz0q7HnXv3m8Qk2Wc5Rt1/$QS2GdGixK/Klj1S1lCXQdveWblmD8Krbl/U0A22e4fD'),
	('staff', 'staff', '$y$j9T$Lz0q7HnXv3m8Qk2Wc5Rt1/$QS2GdGixK/Klj1S1lCXQdveWblmD8Krbl/U0A22e4fD'),
	('board', 'board', '$y$j9T$Lz0q7HnXv3m8Qk2Wc5Rt1/$QS2GdGixK/Klj1S1lCXQdveWblmD8Krbl/U0A22e4fD');

INSERT INTO partnership (host_id, partner_id, kind, commitment, status, start_on, end_on, goals,
	host_contribution, partner_contribution, staff_lead) VALUES
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Biblioteca Pública Municipal de Pereira'), 'sister_library', 'formal', 'active', date('now', '-700 days'), NULL, json_array(json_object('goal', 'Monthly pen-pal letters between 4th graders', 'measure', 'Letters exchanged'), json_object('goal', 'Two bilingual videoconference storytimes a season', 'measure', 'Attendance and survey')), 'Postage, English books, a children''s librarian''s time.', 'Spanish books, a teacher coordinator, venue for the Pereira side.', 'Ana Ruiz'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Львівська обласна бібліотека для дітей'), 'sister_library', 'memorandum', 'active', date('now', '-500 days'), NULL, json_array(json_object('goal', 'Send 300 Ukrainian-language children''s books a year', 'measure', 'Books shipped, counted from packing lists'), json_object('goal', 'Monthly online storytime for displaced families', 'measure', 'Attendance and the outcome survey')), 'Book purchasing, shipping, storytime host.', 'Storytellers, book selection.', 'Oksana Melnyk'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Maple Falls Refugee Welcome Center'), 'community', 'memorandum', 'active', date('now', '-400 days'), NULL, json_array(json_object('goal', 'Weekly English conversation circle', 'measure', 'Count kept by the staff lead'), json_object('goal', 'Every newly arrived family leaves intake with library cards', 'measure', 'Count kept by the staff lead')), 'Facilitator, room, materials.', 'Interpreters, referrals, transport.', 'David Chen'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'St. Brigid Parish Community Hall'), 'community', 'informal', 'active', date('now', '-300 days'), NULL, json_array(json_object('goal', 'Bilingual storytime after Saturday Mass', 'measure', 'Attendance and the outcome survey'), json_object('goal', 'A winter book drive', 'measure', 'Count kept by the staff lead')), 'Storytime librarian, books.', 'Hall, volunteers, publicity.', 'Ana Ruiz'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Valley Family Health Clinic'), 'community', 'memorandum', 'active', date('now', '-250 days'), NULL, json_array(json_object('goal', 'Books in every waiting room', 'measure', 'Count kept by the staff lead'), json_object('goal', 'Quarterly health-literacy workshop for parents', 'measure', 'Attendance and the outcome survey')), 'Books, workshop leader.', 'Rooms, nurse educator.', 'Maria Lopez'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = '掛川市立中央図書館'), 'sister_library', 'memorandum', 'paused', date('now', '-900 days'), NULL, json_array(json_object('goal', 'Yearly picture-book exchange and a pen-pal class', 'measure', 'Count kept by the staff lead')), 'Books, postage.', 'Books, postage.', 'Ken Sato'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Rotary Club of Maple Falls'), 'community', 'informal', 'ended', date('now', '-800 days'), date('now', '-420 days'), json_array(json_object('goal', 'Dictionary drive for third graders', 'measure', 'Dictionaries given out')), 'Storage, distribution.', 'Funding and volunteers.', 'David Chen'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'المكتبة الوسائطية بفاس'), 'sister_library', 'informal', 'exploring', date('now', '-60 days'), NULL, json_array(json_object('goal', 'Explore a cultural program on Moroccan storytelling', 'measure', 'Attendance and the outcome survey')), 'Planning time.', 'Planning time.', 'Maria Lopez'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Oak Street Elementary School Library'), 'school', 'informal', 'active', date('now', '-200 days'), NULL, json_array(json_object('goal', 'Class visits and summer-reading sign-ups for every class', 'measure', 'Count kept by the staff lead')), 'Class visits, library cards.', 'Teacher time.', 'Ana Ruiz'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Chemeketa Community College ESL Program'), 'school', 'memorandum', 'active', date('now', '-150 days'), NULL, json_array(json_object('goal', 'Library orientation for every ESL class each term', 'measure', 'Attendance and the outcome survey')), 'Orientation, cards.', 'Class time.', 'David Chen'),
	((SELECT id FROM org WHERE name = 'Maple Falls Public Library'), (SELECT id FROM org WHERE name = 'Marion County WIC Office'), 'government', 'informal', 'active', date('now', '-100 days'), NULL, json_array(json_object('goal', 'Early-literacy kits at WIC appointments', 'measure', 'Count kept by the staff lead')), 'Kits, storyteller.', 'Space in the waiting room.', 'Maria Lopez');

-- Partnerships were inserted above in order, so the n-th has id min(id) + n - 1.
-- Survey tallies are NULL where no survey was run (schema 018: not asked, not 0); the clinic's
-- hybrid workshop asked two of the four questions.
INSERT INTO activity (partnership_id, held_on, type, is_program, format, sessions, att_0_5_in, att_6_11_in,
	att_12_18_in, att_adult_in, att_all_in, att_0_5_virt, att_6_11_virt, att_12_18_virt, att_adult_virt,
	att_all_virt, staff_minutes, volunteer_minutes, library_cost_cents, partner_cost_cents, in_kind_cents,
	materials, respondents, agree_knowledge, agree_confidence, agree_application, agree_awareness, notes) VALUES
	((SELECT min(id) FROM partnership) + 0, date('now', '-680 days'), 'pen_pals', 1, 'in_person', 1,
	 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 240, 0, 3800, 0, 0, 48, NULL, NULL, NULL, NULL, NULL, 'First letters sent with photos of both libraries.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-600 days'), 'videoconference', 1, 'hybrid', 1,
	 6, 18, 0, 14, 0, 4, 22, 0, 9, 0, 180, 60, 0, 0, 0, 0, 30, 24, 20, 18, 26, 'Bilingual storytime: ''Los tres cerditos'' / ''The Three Little Pigs''.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-520 days'), 'pen_pals', 1, 'in_person', 1,
	 0, 26, 0, 0, 0, 0, 0, 0, 0, 0, 180, 0, 4100, 0, 0, 52, NULL, NULL, NULL, NULL, NULL, 'Second round of letters; drawings included.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-430 days'), 'book_exchange', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300, 120, 18500, 0, 12000, 85, NULL, NULL, NULL, NULL, NULL, '85 English picture books shipped; 60 Spanish books received.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-330 days'), 'videoconference', 1, 'virtual', 2,
	 0, 0, 0, 0, 0, 10, 34, 0, 12, 0, 240, 0, 0, 0, 0, 0, 28, 25, 21, 22, 24, 'Two storytimes on Día del Niño.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-250 days'), 'pen_pals', 1, 'in_person', 1,
	 0, 25, 0, 0, 0, 0, 0, 0, 0, 0, 200, 30, 4300, 0, 0, 50, NULL, NULL, NULL, NULL, NULL, ''),
	((SELECT min(id) FROM partnership) + 0, date('now', '-150 days'), 'videoconference', 1, 'hybrid', 1,
	 8, 20, 0, 16, 0, 6, 25, 0, 10, 0, 180, 60, 0, 2500, 0, 0, 35, 30, 27, 25, 31, ''),
	((SELECT min(id) FROM partnership) + 0, date('now', '-60 days'), 'cultural_program', 1, 'in_person', 1,
	 12, 30, 8, 40, 25, 0, 0, 0, 0, 0, 480, 240, 45000, 12000, 20000, 0, 52, 44, 39, 41, 47, 'Colombian independence day celebration with music from Pereira.'),
	((SELECT min(id) FROM partnership) + 0, date('now', '-20 days'), 'pen_pals', 1, 'in_person', 1,
	 0, 27, 0, 0, 0, 0, 0, 0, 0, 0, 180, 0, 4400, 0, 0, 54, NULL, NULL, NULL, NULL, NULL, ''),
	((SELECT min(id) FROM partnership) + 1, date('now', '-480 days'), 'book_exchange', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 600, 300, 210000, 0, 50000, 320, NULL, NULL, NULL, NULL, NULL, '320 Ukrainian children''s books bought and shipped.'),
	((SELECT min(id) FROM partnership) + 1, date('now', '-420 days'), 'storytime', 1, 'virtual', 4,
	 0, 0, 0, 0, 0, 18, 22, 0, 15, 0, 240, 0, 0, 0, 0, 0, 20, 17, 15, 16, 18, 'Monthly online storytime for displaced families.'),
	((SELECT min(id) FROM partnership) + 1, date('now', '-300 days'), 'storytime', 1, 'virtual', 3,
	 0, 0, 0, 0, 0, 15, 20, 0, 12, 0, 180, 0, 0, 0, 0, 0, 18, 16, 14, 15, 17, ''),
	((SELECT min(id) FROM partnership) + 1, date('now', '-200 days'), 'videoconference', 1, 'virtual', 1,
	 0, 0, 0, 0, 0, 0, 0, 14, 6, 0, 120, 0, 0, 0, 0, 0, 15, 13, 11, 12, 13, 'Teen book club talked with Lviv teens about reading in wartime.'),
	((SELECT min(id) FROM partnership) + 1, date('now', '-90 days'), 'storytime', 1, 'virtual', 3,
	 0, 0, 0, 0, 0, 20, 24, 0, 14, 0, 180, 0, 0, 0, 0, 0, 22, 20, 18, 19, 21, ''),
	((SELECT min(id) FROM partnership) + 1, date('now', '-30 days'), 'book_exchange', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300, 120, 95000, 0, 0, 150, NULL, NULL, NULL, NULL, NULL, ''),
	((SELECT min(id) FROM partnership) + 2, date('now', '-390 days'), 'workshop', 1, 'in_person', 12,
	 0, 0, 0, 96, 0, 0, 0, 0, 0, 0, 1440, 720, 12000, 0, 36000, 0, 40, 36, 32, 35, 38, 'Weekly English conversation circle, first quarter.'),
	((SELECT min(id) FROM partnership) + 2, date('now', '-300 days'), 'workshop', 1, 'in_person', 12,
	 0, 0, 0, 110, 0, 0, 0, 0, 0, 0, 1440, 720, 12000, 0, 36000, 0, 45, 41, 38, 40, 43, ''),
	((SELECT min(id) FROM partnership) + 2, date('now', '-210 days'), 'workshop', 1, 'in_person', 12,
	 0, 0, 4, 118, 0, 0, 0, 0, 0, 0, 1440, 900, 15000, 0, 36000, 0, 50, 44, 42, 45, 47, ''),
	((SELECT min(id) FROM partnership) + 2, date('now', '-120 days'), 'workshop', 1, 'in_person', 12,
	 0, 0, 3, 124, 0, 0, 0, 0, 0, 0, 1440, 900, 15000, 0, 36000, 0, 48, 43, 40, 41, 46, ''),
	((SELECT min(id) FROM partnership) + 2, date('now', '-35 days'), 'workshop', 1, 'in_person', 10,
	 0, 0, 0, 101, 0, 0, 0, 0, 0, 0, 1200, 720, 12000, 0, 30000, 0, NULL, NULL, NULL, NULL, NULL, 'Survey not run this quarter (interpreter unavailable).'),
	((SELECT min(id) FROM partnership) + 3, date('now', '-280 days'), 'storytime', 1, 'in_person', 4,
	 38, 21, 0, 30, 0, 0, 0, 0, 0, 0, 480, 240, 6000, 0, 8000, 0, NULL, NULL, NULL, NULL, NULL, ''),
	((SELECT min(id) FROM partnership) + 3, date('now', '-180 days'), 'storytime', 1, 'in_person', 4,
	 41, 25, 0, 33, 0, 0, 0, 0, 0, 0, 480, 240, 6000, 0, 8000, 0, 25, 18, 15, 20, 22, ''),
	((SELECT min(id) FROM partnership) + 3, date('now', '-100 days'), 'book_drive', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 600, 0, 0, 150000, 410, NULL, NULL, NULL, NULL, NULL, '410 books collected for the shelter and clinic.'),
	((SELECT min(id) FROM partnership) + 3, date('now', '-25 days'), 'storytime', 1, 'in_person', 4,
	 44, 23, 0, 35, 0, 0, 0, 0, 0, 0, 480, 240, 6000, 0, 8000, 0, 28, 22, 19, 21, 25, ''),
	((SELECT min(id) FROM partnership) + 4, date('now', '-240 days'), 'book_drive', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 180, 120, 25000, 0, 0, 120, NULL, NULL, NULL, NULL, NULL, 'Books for three waiting rooms.'),
	((SELECT min(id) FROM partnership) + 4, date('now', '-160 days'), 'workshop', 1, 'in_person', 1,
	 0, 0, 0, 18, 0, 0, 0, 0, 0, 0, 180, 0, 4000, 6000, 0, 0, 18, 16, 14, 15, 17, 'Reading with your baby: health-literacy workshop.'),
	((SELECT min(id) FROM partnership) + 4, date('now', '-70 days'), 'workshop', 1, 'hybrid', 1,
	 0, 0, 0, 12, 0, 0, 0, 0, 9, 0, 180, 0, 4000, 6000, 0, 0, 20, 18, NULL, 17, NULL, ''),
	((SELECT min(id) FROM partnership) + 5, date('now', '-850 days'), 'book_exchange', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 0, 15000, 0, 0, 40, NULL, NULL, NULL, NULL, NULL, 'Picture books about the seasons exchanged.'),
	((SELECT min(id) FROM partnership) + 5, date('now', '-700 days'), 'pen_pals', 1, 'in_person', 1,
	 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 180, 0, 3500, 0, 0, 44, NULL, NULL, NULL, NULL, NULL, ''),
	((SELECT min(id) FROM partnership) + 6, date('now', '-760 days'), 'book_drive', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300, 900, 0, 0, 240000, 600, NULL, NULL, NULL, NULL, NULL, '600 dictionaries for every third grader in the county.'),
	((SELECT min(id) FROM partnership) + 6, date('now', '-500 days'), 'exhibit', 0, 'in_person', 1,
	 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 120, 60, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 'Booth at the county fair (outreach, not a program).'),
	((SELECT min(id) FROM partnership) + 8, date('now', '-190 days'), 'storytime', 1, 'in_person', 6,
	 0, 160, 0, 6, 0, 0, 0, 0, 0, 0, 360, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 'Class visits to the library.'),
	((SELECT min(id) FROM partnership) + 8, date('now', '-40 days'), 'workshop', 1, 'in_person', 2,
	 0, 48, 0, 2, 0, 0, 0, 0, 0, 0, 180, 0, 2000, 0, 0, 0, 46, 40, 35, 38, 44, 'Summer-reading sign-up sessions.'),
	((SELECT min(id) FROM partnership) + 9, date('now', '-140 days'), 'workshop', 1, 'in_person', 3,
	 0, 0, 2, 61, 0, 0, 0, 0, 0, 0, 270, 0, 0, 0, 0, 0, 55, 50, 44, 47, 52, 'Library orientation for the fall ESL classes.'),
	((SELECT min(id) FROM partnership) + 9, date('now', '-45 days'), 'workshop', 1, 'in_person', 3,
	 0, 0, 0, 58, 0, 0, 0, 0, 0, 0, 270, 0, 0, 0, 0, 0, 50, 47, 41, 44, 49, ''),
	((SELECT min(id) FROM partnership) + 10, date('now', '-90 days'), 'storytime', 1, 'in_person', 8,
	 46, 5, 0, 40, 0, 0, 0, 0, 0, 0, 480, 0, 24000, 0, 0, 120, NULL, NULL, NULL, NULL, NULL, 'Early-literacy kits handed out with each storytime.'),
	((SELECT min(id) FROM partnership) + 10, date('now', '-15 days'), 'storytime', 1, 'in_person', 8,
	 51, 7, 0, 43, 0, 0, 0, 0, 0, 0, 480, 0, 24000, 0, 0, 130, 31, 27, 22, 26, 29, '');

DROP TABLE demo_org;
