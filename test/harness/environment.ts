import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataService, ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
// Not re-exported by n8n-core's index.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { LoggerProxy, UnexpectedError } from 'n8n-workflow';
import type { ICredentialsHelper, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { CapturingLogger } from './logs';

/** A throw-away n8n user folder per test file: settings file, encryption key, binary data. */
let userFolder: string | undefined;
let binaryDataReady: Promise<void> | undefined;

// Jest gives each test file its own module registry and process.env copy, so this runs once per
// file. The hook is registered at import time (top level of the test file), where jest allows it.
try {
	afterAll(() => {
		if (!userFolder) return;
		// Execute contexts start this manager's 60 s cleanup interval; n8n stops it on shutdown.
		Container.get(SSHClientsManager).onShutdown();
		rmSync(userFolder, { recursive: true, force: true });
	});
} catch {
	// Imported outside a test file's top level (or outside jest): the OS cleans its temp dir.
}

/**
 * Points n8n-core at a temporary user folder and installs the capturing logger before anything
 * asks the DI container for InstanceSettings, Logger or config (they read the environment once).
 */
export function ensureContainer(): void {
	if (userFolder) return;
	userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-edu-harness-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_ENCRYPTION_KEY = 'n8n-nodes-edu-test-harness-key';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
	// Real n8n's default: binary data on the filesystem (filesystem-v2 ids), under <userFolder>/.n8n/storage.
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	delete process.env.N8N_BINARY_DATA_STORAGE_PATH;
	delete process.env.N8N_STORAGE_PATH;

	// At any lower level n8n's Logger turns the quieter methods into fixed no-ops on the instance.
	process.env.N8N_LOG_LEVEL = 'debug';
	const logger = new CapturingLogger();
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
}

/** Container + binary data service, as n8n's start-up initialises them. */
export async function ensureEnvironment(): Promise<void> {
	ensureContainer();
	binaryDataReady ??= Container.get(BinaryDataService).init();
	await binaryDataReady;
}

export const HARNESS_BASE_URL = 'http://localhost:5678';

function notAvailable(feature: string): never {
	throw new UnexpectedError(`${feature} is not available in the test harness`);
}

/** What n8n's `WorkflowExecuteAdditionalData.getBase()` provides, minus database and sub-workflows. */
export function buildAdditionalData(options: {
	credentialsHelper: ICredentialsHelper;
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
	currentNodeParameters?: INodeParameters;
}): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: options.credentialsHelper,
		executionId: options.executionId,
		hooks: options.hooks,
		currentNodeParameters: options.currentNodeParameters,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${HARNESS_BASE_URL}/rest`,
		instanceBaseUrl: `${HARNESS_BASE_URL}/`,
		formWaitingBaseUrl: `${HARNESS_BASE_URL}/form-waiting`,
		webhookBaseUrl: `${HARNESS_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${HARNESS_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${HARNESS_BASE_URL}/webhook-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: async () => notAvailable('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: async () => notAvailable('The Code node task runner'),
	};
}
