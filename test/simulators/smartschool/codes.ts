/**
 * Smartschool result codes (ref §2). Handlers throw `SmartschoolCode` and the SOAP layer answers the bare
 * integer (typed xsd:int) instead of the payload, as the platform does. The Dutch texts are our own short wording
 * of the meanings in ref §2 (returnJsonErrorCodes serves them; the real table's wording differs).
 */

export class SmartschoolCode extends Error {
	constructor(readonly code: number) {
		super(`Smartschool code ${code}`);
	}
}

/** Throws the code when `failed` holds; reads like the platform's checks. */
export function check(failed: boolean, code: number): void {
	if (failed) throw new SmartschoolCode(code);
}

export const ERROR_TEXTS: Readonly<Record<number, string>> = {
	1: 'De naam moet minstens 2 tekens bevatten.',
	2: 'De voornaam moet minstens 2 tekens bevatten.',
	3: 'De gebruikersnaam moet minstens 2 tekens bevatten.',
	4: 'Het wachtwoord is niet complex genoeg.&lt;br&gt;Gebruik minstens 8 tekens uit 3 van de 4 soorten.',
	5: 'Er werd geen groep geselecteerd.',
	6: 'Deze gebruikersnaam bestaat al.',
	7: 'De wachtwoorden zijn niet gelijk.',
	8: 'Het wachtwoord van de webservices is fout.',
	9: 'De gebruiker bestaat niet.',
	10: 'Fout bij het verwerken: er werd niets uitgevoerd.',
	11: 'Fout bij het opslaan van de klasgegevens.',
	12: 'De gebruiker bestaat niet.',
	13: 'Fout bij het kopiëren of verplaatsen van gebruikers naar de klas.',
	14: 'Onvoldoende gegevens.',
	15: 'Dubbele gebruikersnaam.',
	16: 'Dubbel intern nummer.',
	17: 'Fout bij het opslaan van de profielvelden.',
	18: 'Fout bij het versturen van het bericht.',
	19: 'Het ouder-ID bestaat niet.',
	20: 'Het vak kon niet worden toegevoegd.',
	21: 'Er bestaat al een vak met deze naam.',
	22: 'Het vak werd niet gevonden.',
	23: 'Onbekende fout bij het verwerken.',
	24: 'Een andere gebruiker heeft dit intern nummer.',
	25: 'Wijzigen kan niet: de gebruiker bestaat niet.',
	26: 'Toevoegen kan niet: de gebruiker bestaat al.',
	27: 'Het instellingsnummer is onbekend; voeg het eerst toe.',
	28: 'De basisrol is verplicht.',
	29: 'De basisrol kan niet meer gewijzigd worden.',
	30: 'Enkel leerlingen kunnen in een officiële klas zitten.',
	31: 'Een leerling kan maar in één officiële klas zitten.',
	32: 'Een leerling moet in één officiële klas zitten.',
	33: 'Het registreren van de klasbeweging is mislukt.',
	34: 'De leerling kan niet geactiveerd worden: er is geen officiële klas.',
	35: 'Het instellingsnummer is verplicht voor een officiële klas.',
	36: 'Het type van een officiële klas kan niet gewijzigd worden.',
	37: 'Het type kan niet gewijzigd worden: niet alle leden zijn leerlingen.',
	38: 'Het type kan niet gewijzigd worden: leden zitten al in een andere officiële klas.',
	39: 'Kies een vormingscomponent.',
	40: 'De klasnaam kan niet meer gewijzigd worden.',
	41: 'Het administratief nummer kan niet meer gewijzigd worden.',
	42: 'Het instellingsnummer kan niet meer gewijzigd worden.',
	43: 'De vormingscomponent kan niet meer gewijzigd worden.',
	44: 'De vormingscomponent is verplicht.',
	45: 'Het type van een klas kan niet gewijzigd worden.',
	46: 'Kies het type van de groep.',
	47: 'Er bestaat al een klas met dezelfde unieke code.',
	48: 'Dit intern nummer bestaat al.',
	49: 'Ongeldige datum.',
	50: 'De Skore-module is niet actief.',
	51: 'Fout bij het uitschrijven van de leerling.',
	52: 'Dit wachtwoord is niet toegestaan.',
	53: 'De oudergroep werd niet gevonden.',
	54: 'De ouder mag geen officiële klas zijn.',
	55: 'Een officiële klas kan geen subgroepen hebben.',
	56: 'Ongeldige schooljaardatum.',
	57: 'De roostercode moet uniek zijn.',
};

/** returnJsonErrorCodes: `{"1": "…", …}` (HTML entities kept, as on live platforms). */
export function errorCodesJson(): string {
	return JSON.stringify(Object.fromEntries(Object.entries(ERROR_TEXTS)));
}

/** returnCsvErrorCodes: one `code;"text"` line per code (the live format is undocumented; ref §2). */
export function errorCodesCsv(): string {
	return Object.entries(ERROR_TEXTS)
		.map(([code, text]) => `${code};"${text.replace(/"/g, '""')}"`)
		.join('\n');
}
