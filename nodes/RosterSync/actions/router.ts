import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { comparePlan, type FieldPair, type SyncPlan } from '../helpers/compare';
import { judge, stopDescription, stopped, type Baseline, type GuardSettings } from '../helpers/guards';
import { fieldReader, keyNormaliser, splitList, type KeyOptions } from '../helpers/keys';
import { isPasswordLike, PRESETS, type LeaverRule, type PresetName, type SyncMapping } from '../helpers/presets';
import { buildReport } from '../helpers/report';

const SOURCE = 0;
const PLATFORM = 1;

interface ScopeOptions {
	statusField?: string;
	activeValues?: string;
	removeInactive?: boolean;
	scopeField?: string;
	scopeValues?: string;
	neverTouch?: string;
}

interface LeaverOptions {
	leaverField?: string;
	leaverValues?: string;
	isLeaver?: boolean | string;
}

interface GuardOptions {
	stopOnEmptySource?: boolean;
	stopOnKeyProblems?: boolean;
	limitRemovals?: boolean;
	maxRemovalCount?: number;
	maxRemovalPercent?: number;
	stopOnShrink?: boolean;
	maxShrinkPercent?: number;
}

interface NodeStaticData extends IDataObject {
	baseline?: IDataObject;
}

const isExpression = (value: unknown): value is string => typeof value === 'string' && value.startsWith('=');

function lowerSet(values: string[]): Set<string> {
	return new Set(values.map((value) => value.toLowerCase()));
}

/** The preset's mapping with the node's overrides applied; password-like pairs dropped and named. */
function resolveMapping(ctx: IExecuteFunctions, preset: SyncMapping): { mapping: SyncMapping; ignored: string[] } {
	// An expression source key is evaluated per item later; here only whether one is set matters.
	const sourceKey = isExpression(ctx.getNode().parameters.sourceKey) ? '(expression)' : String(ctx.getNodeParameter('sourceKey', 0, '') ?? '').trim();
	const platformKey = String(ctx.getNode().parameters.platformKey ?? '').trim();
	const skip = lowerSet(splitList(ctx.getNodeParameter('skipFields', 0, '') as string));
	const extra = (ctx.getNodeParameter('fields', 0, {}) as { pair?: Array<{ sourceField?: string; platformField?: string }> }).pair ?? [];
	const pairs = new Map<string, string>();
	for (const [sourceField, platformField] of preset.fields) if (!skip.has(platformField.toLowerCase())) pairs.set(platformField, sourceField);
	extra.forEach((pair, index) => {
		const sourceField = (pair.sourceField ?? '').trim();
		const platformField = (pair.platformField ?? '').trim();
		if (!sourceField || !platformField) {
			throw new NodeOperationError(ctx.getNode(), `Fields to Compare, pair ${index + 1}: both Source Field and Platform Field are needed`, {
				description: 'Fill in both names, or remove the pair.',
			});
		}
		pairs.set(platformField, sourceField);
	});
	const ignored: string[] = [];
	const fields: Array<[string, string]> = [];
	for (const [platformField, sourceField] of pairs) {
		if (isPasswordLike(sourceField) || isPasswordLike(platformField)) ignored.push(`${sourceField} → ${platformField}`);
		else fields.push([sourceField, platformField]);
	}

	const scope = ctx.getNodeParameter('scope', 0, {}) as ScopeOptions;
	const leavers = ctx.getNodeParameter('leavers', 0, {}) as LeaverOptions;
	const leaverRules: LeaverRule[] =
		leavers.leaverField !== undefined || leavers.leaverValues !== undefined || leavers.isLeaver !== undefined
			? leavers.leaverField?.trim()
				? [{ field: leavers.leaverField.trim(), values: splitList(leavers.leaverValues ?? '') }]
				: []
			: preset.leaverRules;
	const mapping: SyncMapping = {
		sourceKey: sourceKey || preset.sourceKey,
		platformKey: platformKey || preset.platformKey,
		fields,
		statusField: scope.statusField !== undefined ? scope.statusField.trim() : preset.statusField,
		activeValues: scope.activeValues?.trim() ? splitList(scope.activeValues) : preset.activeValues,
		leaverRules,
	};
	return { mapping, ignored };
}

function requireKey(ctx: IExecuteFunctions, value: string, field: string, preset: PresetName): void {
	if (value) return;
	throw new NodeOperationError(ctx.getNode(), `${field} is empty`, {
		description: `With the ${preset === 'custom' ? 'Custom preset' : 'chosen preset'}, name the field that identifies a person on this side, e.g. "username".`,
	});
}

function guardSettings(ctx: IExecuteFunctions): GuardSettings {
	const guards = ctx.getNodeParameter('guards', 0, {}) as GuardOptions;
	const confirmRemovals = Number(ctx.getNodeParameter('confirmRemovals', 0, 0)) || 0;
	return {
		emptySource: guards.stopOnEmptySource ?? true,
		keys: guards.stopOnKeyProblems ?? true,
		removals: guards.limitRemovals ?? true,
		maxRemovalCount: guards.maxRemovalCount ?? 25,
		maxRemovalPercent: guards.maxRemovalPercent ?? 5,
		shrink: guards.stopOnShrink ?? true,
		maxShrinkPercent: guards.maxShrinkPercent ?? 10,
		confirmRemovals,
	};
}

function readBaseline(data: NodeStaticData): Baseline | undefined {
	const stored = data.baseline;
	if (!stored || typeof stored.sourceCount !== 'number' || typeof stored.at !== 'string') return undefined;
	return { sourceCount: stored.sourceCount, at: stored.at };
}

function actionOutputs(plan: SyncPlan, source: INodeExecutionData[], platform: INodeExecutionData[]): INodeExecutionData[][] {
	const create: INodeExecutionData[] = plan.create.map((s) => ({
		json: { key: plan.sourceKeys[s]!, source: source[s].json },
		pairedItem: { item: s, input: SOURCE },
	}));
	const update: INodeExecutionData[] = plan.update.map((entry) => {
		const changes: IDataObject = {};
		for (const change of entry.changes) {
			changes[change.platformField] = { sourceField: change.sourceField, before: change.before ?? null, after: change.after ?? null };
		}
		return {
			json: { key: entry.key, reactivate: entry.reactivate, changes, source: source[entry.source].json, platform: platform[entry.platform].json },
			pairedItem: [
				{ item: entry.source, input: SOURCE },
				{ item: entry.platform, input: PLATFORM },
			],
		};
	});
	const remove: INodeExecutionData[] = plan.remove.map((entry) => ({
		json: {
			key: entry.key,
			reason: entry.reason,
			platform: platform[entry.platform].json,
			...(entry.source !== undefined && { source: source[entry.source].json }),
		},
		pairedItem: entry.source !== undefined ? [{ item: entry.platform, input: PLATFORM }, { item: entry.source, input: SOURCE }] : { item: entry.platform, input: PLATFORM },
	}));
	const unchanged: INodeExecutionData[] = new Array(plan.unchangedSource.length);
	for (let index = 0; index < unchanged.length; index++) {
		const s = plan.unchangedSource[index];
		const p = plan.unchangedPlatform[index];
		unchanged[index] = { json: { key: plan.sourceKeys[s]!, source: source[s].json, platform: platform[p].json }, pairedItem: { item: s, input: SOURCE } };
	}
	return [create, update, remove, unchanged];
}

/**
 * On Error "Continue": n8n would pass a failed node's Source items on as its first output — Create. A stopped
 * sync must never reach Create, so the error goes to the Report output instead and the action outputs stay empty.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	try {
		return await sync.call(this);
	} catch (caught) {
		const error = caught instanceof NodeOperationError ? caught : new NodeOperationError(this.getNode(), caught as Error);
		if (!this.continueOnFail()) throw error;
		const { message, description } = error;
		const pairedItem = this.getInputData(SOURCE).length ? { item: 0, input: SOURCE } : { item: 0, input: PLATFORM };
		return [[], [], [], [], [{ json: { error: message, ...(description && { description }) }, pairedItem }]];
	}
}

async function sync(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const sourceItems = this.getInputData(SOURCE);
	const platformItems = this.getInputData(PLATFORM);
	const presetName = this.getNodeParameter('preset', 0) as PresetName;
	const preset = Object.hasOwn(PRESETS, presetName) ? PRESETS[presetName] : undefined;
	if (!preset) throw new NodeOperationError(this.getNode(), `Mapping Preset "${presetName}" is not one this node knows`);
	if (isExpression(this.getNode().parameters.platformKey)) {
		throw new NodeOperationError(this.getNode(), 'Platform Key must be a field name, not an expression', {
			description: 'n8n evaluates expressions against the Source input (input 1). Name the platform field instead, e.g. "gebruikersnaam" or "name.login".',
		});
	}
	const { mapping, ignored } = resolveMapping(this, preset);
	requireKey(this, mapping.sourceKey, 'Source Key', presetName);
	requireKey(this, mapping.platformKey, 'Platform Key', presetName);

	const keyParameters = this.getNodeParameter('keyOptions', 0, {}) as Partial<KeyOptions>;
	const keyOptions: KeyOptions = {
		trim: keyParameters.trim ?? true,
		caseInsensitive: keyParameters.caseInsensitive ?? true,
		leadingZeros: keyParameters.leadingZeros ?? 'keep',
		foldAccents: keyParameters.foldAccents ?? false,
		emailLocalPart: keyParameters.emailLocalPart ?? presetName === 'eduvToSmartschool',
	};
	const scope = this.getNodeParameter('scope', 0, {}) as ScopeOptions;
	const options = this.getNodeParameter('options', 0, {}) as { trimValues?: boolean };
	const normalise = keyNormaliser(keyOptions);

	const source = sourceItems.map((item) => item.json);
	const platform = platformItems.map((item) => item.json);
	// A field name is read directly (fast for 50,000 rows); an expression is evaluated per source item.
	const sourceKeyParameter = this.getNode().parameters.sourceKey;
	const sourceKeys = isExpression(sourceKeyParameter)
		? source.map((_record, index) => this.getNodeParameter('sourceKey', index, '') as unknown)
		: source.map(fieldReader(mapping.sourceKey));

	const leavers = this.getNodeParameter('leavers', 0, {}) as LeaverOptions;
	const leaverRules = mapping.leaverRules.map((rule) => ({ read: fieldReader(rule.field), values: lowerSet(rule.values) }));
	const leaverExpression = isExpression((this.getNode().parameters.leavers as IDataObject | undefined)?.isLeaver);
	const isLeaver = (index: number): boolean => {
		for (const rule of leaverRules) {
			const value = rule.read(source[index]);
			if (value !== undefined && value !== null && rule.values.has(String(value).trim().toLowerCase())) return true;
		}
		if (leaverExpression) return this.getNodeParameter('leavers.isLeaver', index, false) === true;
		return leavers.isLeaver === true;
	};

	const fields: FieldPair[] = mapping.fields.map(([sourceField, platformField]) => ({
		sourceField,
		platformField,
		source: fieldReader(sourceField),
		platform: fieldReader(platformField),
	}));
	const scopeField = scope.scopeField?.trim();
	const plan = comparePlan({
		source,
		platform,
		sourceKeys,
		platformKey: fieldReader(mapping.platformKey),
		normalise,
		fields,
		trimValues: options.trimValues ?? true,
		status: mapping.statusField ? { read: fieldReader(mapping.statusField), active: lowerSet(mapping.activeValues) } : undefined,
		scope: scopeField ? { read: fieldReader(scopeField), values: lowerSet(splitList(scope.scopeValues ?? '')) } : undefined,
		neverTouch: new Set(splitList(scope.neverTouch ?? '').map((key) => normalise(key)).filter((key): key is string => key !== undefined)),
		removeInactive: scope.removeInactive ?? false,
		isLeaver,
	});

	const settings = guardSettings(this);
	const staticData = this.getWorkflowStaticData('node') as NodeStaticData;
	const baseline = readBaseline(staticData);
	const facts = { sourceCount: source.length, removals: plan.remove.length, scopedPlatform: plan.scopedPlatform, sourceProblems: plan.sourceProblems, baseline };
	const verdicts = judge(settings, facts);
	const dryRun = this.getNodeParameter('dryRun', 0, false) as boolean;
	const reportInput = { plan, source, platform, fields, sourceKeyName: mapping.sourceKey, platformKeyName: mapping.platformKey, ignoredFields: ignored, verdicts, baseline, dryRun };

	if (dryRun) {
		const { json, files } = buildReport(reportInput, { withLists: true });
		const binary: INodeExecutionData['binary'] = {};
		for (const file of files) binary[file.property] = await this.helpers.prepareBinaryData(Buffer.from(file.content, 'utf8'), file.fileName, file.mimeType);
		return [[], [], [], [], [{ json, binary, pairedItem: sourceItems.length ? { item: 0, input: SOURCE } : { item: 0, input: PLATFORM } }]];
	}

	const stops = stopped(verdicts);
	if (stops.length) {
		throw new NodeOperationError(this.getNode(), `Roster Sync stopped, nothing was changed: ${stops.map((entry) => entry.message).join('; ')}`, {
			description: stopDescription(settings, facts, verdicts),
		});
	}

	// This run passed the guards: it is the baseline the next run's shrink check compares with (saved by n8n for
	// active workflows only).
	staticData.baseline = { sourceCount: source.length, at: new Date().toISOString() };
	const report = buildReport(reportInput, { withLists: false });
	const summary = report.files[0];
	const reportItem: INodeExecutionData = {
		json: report.json,
		binary: { summary: await this.helpers.prepareBinaryData(Buffer.from(summary.content, 'utf8'), summary.fileName, summary.mimeType) },
		pairedItem: { item: 0, input: SOURCE },
	};
	return [...actionOutputs(plan, sourceItems, platformItems), [reportItem]];
}
