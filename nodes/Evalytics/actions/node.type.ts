import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	user: 'block' | 'create' | 'delete' | 'get' | 'getAll' | 'restore' | 'unblock' | 'update';
};

export type EvalyticsType = AllEntities<NodeMap>;
