/** The Edu-iX platform of the e2e suite: the Edu-V Employees simulator, a signed-JWT credential and workflows eduix-*.json. */
import { DEFAULT_CLIENT_ID, DEFAULT_KEY_ID, demoKeys, startEduixSimulator, type EduixSimulator } from '../../simulators/eduix';
import { setUpSuite, type E2eSuite, type PlatformFixture } from './suite';

export const PRIVATE_KEY = demoKeys().privateKey;
export const EMPLOYEES_PER_SCHOOL = 15;

export type EduixSuite = E2eSuite<EduixSimulator>;

export const EDUIX: PlatformFixture<EduixSimulator> = {
	workflowPrefix: 'eduix-',
	start: () => startEduixSimulator({ employeesPerSchool: EMPLOYEES_PER_SCHOOL }),
	credentials: (sim) => [
		{
			id: 'e2eEduix',
			name: 'Edu-iX (e2e simulator)',
			type: 'eduixApi',
			data: {
				baseUrl: sim.baseUrl,
				authentication: 'privateKeyJwt',
				tokenUrl: sim.tokenUrl,
				clientId: DEFAULT_CLIENT_ID,
				privateKey: PRIVATE_KEY,
				kid: DEFAULT_KEY_ID,
				algorithm: 'RS256',
			},
		},
	],
};

export async function setUpEduixSuite(): Promise<EduixSuite> {
	return await setUpSuite(EDUIX);
}
