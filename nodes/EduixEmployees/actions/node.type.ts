import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	employee: 'get' | 'getAll';
};

export type EduixEmployeesType = AllEntities<NodeMap>;
