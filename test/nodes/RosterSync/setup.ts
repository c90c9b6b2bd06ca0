import type { IDataObject, INodeParameters, OnError, WorkflowExecuteMode } from 'n8n-workflow';

import { multiInputWorkflow, runWorkflow, type RunResult } from '../../harness';

export const NODE_TYPE = 'n8n-nodes-edu.rosterSync';
export const NODE_NAME = 'Roster Sync';
export const OUTPUT = { create: 0, update: 1, remove: 2, unchanged: 3, report: 4 } as const;

export interface SyncRun {
	source: IDataObject[];
	platform: IDataObject[];
	parameters?: INodeParameters;
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
	onError?: OnError;
}

/** Source → input 1, Platform → input 2 of a Roster Sync node, run through n8n-core's engine (v1 order). */
export async function runSync({ source, platform, parameters = {}, mode, staticData, onError }: SyncRun): Promise<RunResult> {
	const workflow = multiInputWorkflow({
		type: NODE_TYPE,
		parameters: { preset: 'csvToSmartschool', ...parameters },
		inputs: [source, platform],
		inputNodeNames: ['Source', 'Platform'],
		onError,
	});
	if (staticData) workflow.staticData = staticData;
	return await runWorkflow({ workflow, mode });
}

export function keys(result: RunResult, output: keyof typeof OUTPUT): string[] {
	return result.output(NODE_NAME, OUTPUT[output]).map((item) => item.json.key as string);
}

/** A CSV row as Extract From File gives it (all text). */
export function student(username: string, firstName: string, lastName: string, internalNumber = '', extra: IDataObject = {}): IDataObject {
	return { username, firstName, lastName, role: 'leerling', internalNumber, class: '1A', password: 'Geheim-123!', ...extra };
}

/** A row of Smartschool's getAllAccounts as the Smartschool node's Get Many gives it. */
export function account(gebruikersnaam: string, voornaam: string, naam: string, internnummer = '', extra: IDataObject = {}): IDataObject {
	return { gebruikersnaam, voornaam, naam, internnummer, status: 'actief', basisrol: 'leerling', ...extra };
}

/** n students and their matching, active accounts: user001… */
export function cohort(count: number): { source: IDataObject[]; platform: IDataObject[] } {
	const source: IDataObject[] = [];
	const platform: IDataObject[] = [];
	for (let index = 1; index <= count; index++) {
		const name = `user${String(index).padStart(3, '0')}`;
		source.push(student(name, 'Voornaam', `Naam${index}`, String(index)));
		platform.push(account(name, 'Voornaam', `Naam${index}`, String(index)));
	}
	return { source, platform };
}
