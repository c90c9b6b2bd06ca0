import { Credentials, getAdditionalKeys } from 'n8n-core';
import { ICredentialsHelper, NodeHelpers, UserError, Workflow, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialTypes,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { builtinNodeTypes, NO_OP_TYPE } from './builtins';

/** One stored credential, as `n8n import:credentials` takes it. */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Either one credential per type (`{ evalyticsApi: { apiKey: … } }`) or full records. */
export type TestCredentials = { [credentialType: string]: Record<string, unknown> } | StoredCredential[];

export interface CredentialRead {
	type: string;
	id: string | null;
	name: string;
	/** The node that asked, when n8n-core tells (executing nodes do). */
	node?: string;
}

/** Outside an execution n8n resolves credential expressions on a throw-away one-node workflow. */
const mockNode: INode = { id: 'mock', name: '', type: NO_OP_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
const mockNodeTypes: INodeTypes = {
	getByName: (type) => builtinNodeTypes[type],
	getByNameAndVersion: (type) => builtinNodeTypes[type],
	getKnownTypes: () => ({}),
};

function hasExpression(data: ICredentialDataDecryptedObject): boolean {
	return Object.values(data).some((value) => typeof value === 'string' && isExpression(value));
}

/**
 * Serves test credentials to n8n-core the way n8n's CredentialsHelper serves stored ones: defaults
 * of the credential type filled in (and undeclared fields dropped), expressions resolved,
 * `authenticate` applied (generic or function), `preAuthentication` run for an empty or expired
 * expirable field. Never touches a database; records every read.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	readonly reads: CredentialRead[] = [];

	private readonly stored: StoredCredential[];

	constructor(
		private readonly credentialTypes: ICredentialTypes,
		credentials: TestCredentials = {},
	) {
		super();
		this.stored = Array.isArray(credentials)
			? credentials.map((credential) => ({ ...credential, data: structuredClone(credential.data) }))
			: Object.entries(credentials).map(([type, data]) => ({ id: '', name: '', type, data: structuredClone(data) }));
	}

	/** The stored record a node's `{ id, name }` reference points at; one-per-type entries match any reference. */
	private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const found = this.stored.find(
			(credential) =>
				credential.type === type &&
				(credential.id === '' ||
					(nodeCredentials.id ? credential.id === nodeCredentials.id : credential.name === nodeCredentials.name)),
		);
		if (!found) {
			throw new UserError(`Credential with ID "${nodeCredentials.id ?? ''}" does not exist for type "${type}".`);
		}
		return found;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (!credentialType.extends) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const stored = this.find(nodeCredentials, type);
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
		credentials.setData(structuredClone(stored.data) as ICredentialDataDecryptedObject);
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(nodeCredentials, type);
		const node = expressionResolveValues?.node.name ?? executeData?.node.name;
		this.reads.push({ type, id: nodeCredentials.id, name: nodeCredentials.name, ...(node ? { node } : {}) });
		const original = structuredClone(stored.data) as ICredentialDataDecryptedObject;
		if (raw === true) return original;

		let data = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		if (!hasExpression(data)) return data;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, connectionInputData } = expressionResolveValues;
			data = workflow.expression.getParameterValue(
				data as INodeParameters,
				runExecutionData,
				runIndex,
				itemIndex,
				expressionResolveValues.node.name,
				connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
			data = workflow.expression.getComplexParameterValue(
				mockNode,
				data as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const resolve = (value: string): string => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			const target = requestOptions as unknown as Record<string, IDataObject | undefined>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				const into = (target[section] ??= {});
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					into[resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		// n8n's credential test runs on a temporary No Operation node with a `temp` parameter.
		const isCredentialTest = node.parameters?.temp === '' && node.type === NO_OP_TYPE;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const reference = node.credentials?.[typeName];
		if (reference) {
			await this.updateCredentials(reference, typeName, { ...credentials, ...output } as ICredentialDataDecryptedObject);
		}
		return Object.assign(credentials, output);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.find(nodeCredentials, type).data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.find(nodeCredentials, type).data.oauthTokenData = structuredClone(data.oauthTokenData);
	}
}

/** The `{ id, name }` references a node gets for the given test credentials. */
export function credentialReferences(credentials: TestCredentials = {}): Record<string, INodeCredentialsDetails> {
	const entries = Array.isArray(credentials)
		? credentials.map(({ type, id, name }) => [type, { id, name }] as const)
		: Object.keys(credentials).map((type) => [type, { id: `${type}-id`, name: `${type} (test)` }] as const);
	return Object.fromEntries(entries);
}
