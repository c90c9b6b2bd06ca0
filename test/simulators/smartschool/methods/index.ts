/**
 * Every V3 method the simulator serves, by name. A new feature adds its own table file and spreads it in here.
 * Methods the WSDL declares but no table serves answer a SOAP fault, like a PHP SoapServer without the function.
 */
import { errorCodesCsv, errorCodesJson } from '../codes';
import { ABSENCE_METHODS } from './absences';
import { ACCOUNT_METHODS } from './accounts';
import { ACCOUNT_MORE_METHODS } from './accountsMore';
import { CLASS_METHODS } from './classes';
import { GROUP_METHODS } from './groups';
import { MESSAGE_METHODS } from './messages';
import { SAVE_CLASS_METHODS } from './saveClass';
import { SCHOOL_LIFE_METHODS } from './schoolLife';
import type { MethodTable } from './types';

export { EscapedPayload } from './types';
export type { MethodHandler, MethodTable, Parts, Reply } from './types';

const META_METHODS: MethodTable = {
	getReferenceField: (_parts, state) => state.settings.uniqueField,
	returnJsonErrorCodes: () => errorCodesJson(),
	returnCsvErrorCodes: () => errorCodesCsv(),
};

export const METHODS: MethodTable = {
	...ACCOUNT_METHODS,
	...GROUP_METHODS,
	...MESSAGE_METHODS,
	...META_METHODS,
	...ACCOUNT_MORE_METHODS,
	...CLASS_METHODS,
	...ABSENCE_METHODS,
	...SCHOOL_LIFE_METHODS,
	...SAVE_CLASS_METHODS,
};

/** The only methods without an `accesscode` part (ref §1). */
export const NO_ACCESS_CODE = new Set(['returnJsonErrorCodes', 'returnCsvErrorCodes', 'returnErrorCodes']);

/** Answers that depend only on (state version, parts) and are big: cached as encoded bytes until the next change. */
export const CACHEABLE = new Set(['getAllAccountsExtended', 'getAllGroupsAndClasses', 'getClassListJson']);
