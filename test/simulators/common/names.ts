/**
 * Realistic Dutch (and some Flemish) names for demo data. The lists are long enough that first name ×
 * tussenvoegsel × last name gives well over 20,000 distinct people; e-mail collisions get a number suffix,
 * as schools do.
 */
import type { Random } from './random';

export const DUTCH_FIRST_NAMES: readonly string[] = [
	'Aafke', 'Anouk', 'Annelies', 'Anneke', 'Astrid', 'Bas', 'Bart', 'Bram', 'Britt', 'Carlijn', 'Casper', 'Chloë',
	'Daan', 'Daniëlle', 'Dirk', 'Dewi', 'Eline', 'Emma', 'Erik', 'Esther', 'Evi', 'Femke', 'Fenna', 'Floor',
	'Frank', 'Gerrit', 'Gijs', 'Hanneke', 'Hans', 'Hendrik', 'Henk', 'Ilse', 'Inge', 'Iris', 'Jan', 'Janneke',
	'Jasper', 'Jelle', 'Jeroen', 'Jesse', 'Joost', 'Jorien', 'Judith', 'Julia', 'Karin', 'Kees', 'Kim', 'Koen',
	'Lars', 'Laura', 'Lieke', 'Lisa', 'Lotte', 'Luuk', 'Maaike', 'Marieke', 'Mark', 'Marloes', 'Martijn',
	'Maarten', 'Mees', 'Merel', 'Michiel', 'Milan', 'Mirjam', 'Naomi', 'Niels', 'Noor', 'Noël', 'Nynke', 'Pieter',
	'Petra', 'Puck', 'Quinten', 'Renske', 'René', 'Rik', 'Rob', 'Roel', 'Romy', 'Ruud', 'Sander', 'Sanne',
	'Sara', 'Saskia', 'Sem', 'Simone', 'Sjoerd', 'Sophie', 'Stijn', 'Suzanne', 'Sven', 'Teun', 'Thijs', 'Thomas',
	'Tim', 'Tineke', 'Tom', 'Vera', 'Willem', 'Wouter', 'Yara', 'Yvonne', 'Ziggy', 'Zoë', 'Ahmed', 'Fatima',
	'Mohammed', 'Yasmina', 'Bilal', 'Samira', 'Mehmet', 'Elif', 'Rajesh', 'Priya', 'Kevin', 'Shanice', 'Wessel',
	'Hidde', 'Tjeerd', 'Wietske', 'Marit', 'Ids', 'Djoeke', 'Geert', 'Harm', 'Jikke', 'Rutger', 'Ellen', 'Hilde',
];

export const FLEMISH_FIRST_NAMES: readonly string[] = [
	'Annelien', 'Arne', 'Brecht', 'Elke', 'Griet', 'Hannelore', 'Jef', 'Jolien', 'Jonas', 'Katrien', 'Kobe',
	'Lieselot', 'Lowie', 'Mathias', 'Nele', 'Pieterjan', 'Seppe', 'Sofie', 'Stien', 'Tibo', 'Toon', 'Wannes',
	'Wout', 'Xander', 'Febe', 'Lander', 'Margot', 'Ruben', 'Ine', 'Joke',
];

/** Tussenvoegsels with rough weights: most Dutch surnames have none. */
export const TUSSENVOEGSELS: ReadonlyArray<readonly [string, number]> = [
	['', 62], ['van', 9], ['de', 8], ['van de', 5], ['van der', 5], ['van den', 3], ['den', 1],
	['ter', 1], ['te', 1], ["in 't", 0.5], ['op de', 0.5], ['van \'t', 0.5], ['de la', 0.3], ['ten', 0.7],
];

export const DUTCH_LAST_NAMES: readonly string[] = [
	'Bakker', 'Bos', 'Boer', 'Bosch', 'Brink', 'Brouwer', 'Claassen', 'Dekker', 'Dijk', 'Dijkstra', 'Driessen',
	'Evers', 'Gerritsen', 'Graaf', 'Groot', 'Haan', 'Hendriks', 'Heuvel', 'Hoekstra', 'Hofman', 'Huisman',
	'Jacobs', 'Jansen', 'Janssen', 'Jong', 'Kok', 'Koster', 'Kramer', 'Kuipers', 'Laan', 'Leeuwen', 'Linden',
	'Maas', 'Meer', 'Meijer', 'Mulder', 'Peters', 'Postma', 'Prins', 'Ruiter', 'Schouten', 'Sluis', 'Smit',
	'Smits', 'Veen', 'Verbeek', 'Vermeulen', 'Visser', 'Vos', 'Vries', 'Wal', 'Willems', 'Wit', 'Wouters',
	'Beek', 'Berg', 'Blom', 'Boon', 'Bruin', 'Dam', 'Doorn', 'Franken', 'Geerts', 'Goossens', 'Haas',
	'Hermans', 'Hoek', 'Kamp', 'Kuijpers', 'Lambregts', 'Martens', 'Molenaar', 'Mol', 'Nieuwenhuis', 'Oosterhout',
	'Pauwels', 'Roos', 'Sanders', 'Scholten', 'Schipper', 'Stam', 'Steenbergen', 'Timmermans', 'Veld', 'Verhoeven',
	'Vink', 'Wijk', 'Zwart', 'Akkerman', 'Bosman', 'Coenen', 'Donkers', 'Eijkelenboom', 'Feenstra', 'Groen',
	'Hartog', 'IJzerman', 'Jonker', 'Keizer', 'Lammers', 'Meulenbelt', 'Noordhuis', 'Overbeek', 'Pronk',
	'Rademaker', 'Scheffer', 'Terpstra', 'Uitdehaag', 'Verschuren', 'Westerhof', 'Zijlstra', 'Bouwman', 'Veenstra',
	'Wijnands', 'Kroon', 'Hoogland', 'Koopman', 'Ploeg', 'Spijkers', 'Vonk', 'Tol', 'Bekker', 'Buitenhuis',
	'El Amrani', 'Yilmaz', 'Öztürk', 'Bouzid', 'Ramdin', 'Tjon', 'Nguyen', 'Sahin',
];

export const FLEMISH_LAST_NAMES: readonly string[] = [
	'Peeters', 'Maes', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Verstraete', 'Vermeersch', 'Mertens',
	'Declercq', 'Dumont', 'Lemmens', 'Van Damme', 'Vandenberghe', 'Desmet', 'Coppens', 'Verhaegen', 'Aerts',
];

export interface PersonName {
	firstName: string;
	/** Tussenvoegsel, '' when none. */
	prefix: string;
	lastName: string;
}

/** One person: mostly Dutch, about one in eight Flemish (Flemish surnames carry their particle capitalised). */
export function randomPersonName(random: Random): PersonName {
	if (random.chance(0.125)) {
		return { firstName: random.pick(FLEMISH_FIRST_NAMES), prefix: '', lastName: random.pick(FLEMISH_LAST_NAMES) };
	}
	return {
		firstName: random.pick(DUTCH_FIRST_NAMES),
		prefix: random.weighted(TUSSENVOEGSELS),
		lastName: random.pick(DUTCH_LAST_NAMES),
	};
}

/** `voornaam.tussenvoegselachternaam`, lower case, without diacritics, spaces or apostrophes. */
export function emailLocalPart(name: PersonName): string {
	const clean = (value: string) =>
		value
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '');
	return `${clean(name.firstName)}.${clean(name.prefix)}${clean(name.lastName)}`;
}

/** First names of Flemish pupils born around 2008–2014 (the usual top lists, roughly), by sex. */
export const FLEMISH_BOY_NAMES: readonly string[] = [
	'Louis', 'Lucas', 'Liam', 'Noah', 'Arthur', 'Jules', 'Finn', 'Vic', 'Mats', 'Lars', 'Warre', 'Stan', 'Rune',
	'Senne', 'Milan', 'Wout', 'Kobe', 'Seppe', 'Lowie', 'Tibo', 'Jef', 'Lander', 'Ferre', 'Bent', 'Ward', 'Cas',
	'Ayoub', 'Rayan', 'Adam', 'Jonas', 'Robbe', 'Xander', 'Arne', 'Thibault', 'Matteo', 'Elias', 'Vince', 'Daan',
];
export const FLEMISH_GIRL_NAMES: readonly string[] = [
	'Emma', 'Marie', 'Louise', 'Elise', 'Julie', 'Lotte', 'Nore', 'Fien', 'Lena', 'Lore', 'Hanne', 'Jana', 'Febe',
	'Ella', 'Mila', 'Noor', 'Ines', 'Amber', 'Axelle', 'Kato', 'Ylana', 'Marthe', 'Lien', 'Nina', 'Zoë', 'Anaïs',
	'Yasmine', 'Imane', 'Sara', 'Aya', 'Olivia', 'Camille', 'Margot', 'Jolien', 'Lisa', 'Sien', 'Roos', 'Tess',
];

/** Flemish adults (parents, staff), by sex. */
export const FLEMISH_MEN_NAMES: readonly string[] = [
	'Kristof', 'Tom', 'Bart', 'Peter', 'Koen', 'Steven', 'Geert', 'Dirk', 'Wim', 'Filip', 'Luc', 'Jan', 'Johan',
	'Dries', 'Nico', 'Wouter', 'Hans', 'Jef', 'Jonas', 'Mathias', 'Pieterjan', 'Toon', 'Wannes', 'Arne', 'Brecht',
	'Joris', 'Stijn', 'Sven', 'Frederik', 'Karel', 'Mohamed', 'Hakan',
];
export const FLEMISH_WOMEN_NAMES: readonly string[] = [
	'Ann', 'An', 'Els', 'Veerle', 'Sarah', 'Liesbeth', 'Kathleen', 'Inge', 'Evelien', 'Sofie', 'Nathalie', 'Leen',
	'Tine', 'Hilde', 'Karolien', 'Ilse', 'Greet', 'Mieke', 'Annelien', 'Elke', 'Griet', 'Hannelore', 'Katrien',
	'Lieselot', 'Nele', 'Stien', 'Ine', 'Joke', 'Valerie', 'Caroline', 'Fatima', 'Ayse',
];

/** Common Belgian (Flemish) surnames, particles capitalised and written together or apart as in Flanders. */
export const BELGIAN_LAST_NAMES: readonly string[] = [
	...FLEMISH_LAST_NAMES, 'Jacobs', 'Willems', 'Janssens', 'Claeys', 'Hermans', 'Michiels', 'Dubois', 'Leroy',
	'Van den Broeck', 'Van de Velde', 'Vermeulen', 'Segers', 'Smets', 'Cools', 'Van Dyck', 'Bogaerts', 'Martens',
	'De Backer', 'De Clercq', 'Verhoeven', 'Verbruggen', 'Thys', 'Van Looy', 'Wuyts', 'Geerts', 'Jansen', 'Huybrechts',
	'Verschueren', 'Van Hoof', 'Schepers', 'Boeckx', 'Van Aken', 'Nijs', 'Stevens', 'Vandevelde', 'De Vos', 'Pauwels',
	'Vanhoutte', 'Baert', 'Timmermans', 'Lenaerts', 'Vanderstraeten', 'Van Camp', 'Daems', 'Heylen', 'Vervoort',
	'El Idrissi', 'Benali', 'Yildiz', 'Kaya', 'Nowak', 'Kowalski', 'Diallo', 'Mukendi',
];
