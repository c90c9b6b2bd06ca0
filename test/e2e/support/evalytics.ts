/** The Evalytics platform of the e2e suite: its simulator, two API keys and workflows evalytics-*.json. */
import { startEvalyticsSimulator, TOP_ORGANISATION_ID, type EvalyticsSimulator } from '../../simulators/evalytics';
import { setUpSuite, type E2eSuite, type PlatformFixture } from './suite';

/** Distinctive, so a test can prove it never shows up in n8n's output. */
export const API_KEY = 'e2e-secret-api-key-5d1c9a';
/** The scheduled workflow's own key: tells its requests apart from the trigger's in the simulator log. */
export const SCHEDULE_API_KEY = 'e2e-schedule-api-key-77b2';
export const SIMULATED_USERS = 30;

export type EvalyticsSuite = E2eSuite<EvalyticsSimulator>;

export const EVALYTICS: PlatformFixture<EvalyticsSimulator> = {
	workflowPrefix: 'evalytics-',
	start: () =>
		startEvalyticsSimulator({
			users: SIMULATED_USERS,
			apiKeys: { [API_KEY]: { organisations: 'all' }, [SCHEDULE_API_KEY]: { organisations: 'all' } },
		}),
	credentials: (sim) => {
		const organisation = String(TOP_ORGANISATION_ID);
		return [
			{ id: 'e2eEvalytics', name: 'Evalytics (e2e simulator)', type: 'evalyticsApi', data: { apiKey: API_KEY, baseUrl: sim.url, organisation } },
			{
				id: 'e2eEvalyticsSchedule',
				name: 'Evalytics (e2e simulator, schedule key)',
				type: 'evalyticsApi',
				data: { apiKey: SCHEDULE_API_KEY, baseUrl: sim.url, organisation },
			},
		];
	},
};

export async function setUpEvalyticsSuite(): Promise<EvalyticsSuite> {
	return await setUpSuite(EVALYTICS);
}
