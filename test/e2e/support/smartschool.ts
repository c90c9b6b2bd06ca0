/** The Smartschool platform of the e2e suite: a small seeded school and workflows smartschool-*.json. */
import { startSmartschoolSimulator, type SmartschoolSimulator } from '../../simulators/smartschool';
import { setUpSuite, type E2eSuite, type PlatformFixture } from './suite';

/** Distinctive, so a test can prove it never shows up in n8n's output (nor in an echoed SOAP envelope). */
export const ACCESS_CODE = 'e2e-smartschool-access-code-3f8e';

export type SmartschoolSuite = E2eSuite<SmartschoolSimulator>;

export const SMARTSCHOOL: PlatformFixture<SmartschoolSimulator> = {
	workflowPrefix: 'smartschool-',
	start: () => startSmartschoolSimulator({ accounts: 40, seed: 4, accessCode: ACCESS_CODE }),
	credentials: (sim) => [
		{ id: 'e2eSmartschool', name: 'Smartschool (e2e simulator)', type: 'smartschoolApi', data: { platformUrl: sim.url, accessCode: ACCESS_CODE } },
	],
};

export async function setUpSmartschoolSuite(): Promise<SmartschoolSuite> {
	return await setUpSuite(SMARTSCHOOL);
}
