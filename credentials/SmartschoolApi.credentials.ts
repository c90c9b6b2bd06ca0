import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { allowUnencryptedHttpField } from '../nodes/shared/credentialFields';

/**
 * Smartschool's V3 web service is SOAP: the access code travels as the first part of every call's body, not as
 * a header, so there is nothing for n8n's `authenticate` to add — the node's transport reads both fields itself.
 * The Test button runs the Smartschool node's `smartschoolApiTest` (testedBy): a SOAP call that can tell a wrong
 * access code, a host that is not a Smartschool platform and an unreachable host apart.
 */
export class SmartschoolApi implements ICredentialType {
	name = 'smartschoolApi';

	displayName = 'Smartschool API';

	icon: Icon = { light: 'file:../icons/smartschool.svg', dark: 'file:../icons/smartschool.dark.svg' };

	documentationUrl = 'https://www.smartschool.be';

	properties: INodeProperties[] = [
		{
			displayName: 'Platform URL',
			name: 'platformUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://myschool.smartschool.be',
			description:
				'The address of your school\'s Smartschool platform. "myschool.smartschool.be" or the web-service address (…/Webservices/V3) work too.',
		},
		// The access code is the web-services password (Smartschool's "Wachtwoord"); the rule only knows English key names.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Access Code',
			name: 'accessCode',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The web-services password from Algemene configuratie > Webservices: either the global password (every method) or the password of a profile ("Profiel toevoegen"), which only allows the methods ticked in that profile — tick every method your workflows use, and getReferenceField, which the Test button and the node call.',
		},
		allowUnencryptedHttpField,
	];
}
