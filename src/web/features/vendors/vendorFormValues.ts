import { VendorInput } from '../../../shared/contracts/vendors.ts';
import type { VendorT } from '../../api/types.ts';
import { blankToNull } from '../../lib/forms.ts';

export interface VendorFormValues {
  name: string;
  legalName: string;
  website: string;
  country: string | null;
  kind: string | null;
  status: string;
  tier: string;
  tierReason: string;
  dataAccess: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactTimeZone: string | null;
  hasWorkingHours: boolean;
  days: string[];
  start: string;
  end: string;
  internalOwnerId: string | null;
  tags: string[];
  notes: string;
}

/** Every input of the vendor form, named as the API names the field it edits. */
export const VENDOR_FIELDS = [
  'name',
  'legalName',
  'website',
  'country',
  'kind',
  'status',
  'tier',
  'tierReason',
  'dataAccess',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactTimeZone',
  'contactWorkingHours',
  'contactWorkingHours.days',
  'contactWorkingHours.start',
  'contactWorkingHours.end',
  'internalOwnerId',
  'tags',
  'notes',
] as const;

export const emptyVendorValues: VendorFormValues = {
  name: '',
  legalName: '',
  website: '',
  country: null,
  kind: null,
  status: 'prospect',
  tier: '3',
  tierReason: '',
  dataAccess: 'none',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  contactTimeZone: null,
  hasWorkingHours: false,
  days: ['1', '2', '3', '4', '5'],
  start: '09:00',
  end: '17:00',
  internalOwnerId: null,
  tags: [],
  notes: '',
};

export function valuesFromVendor(v: VendorT): VendorFormValues {
  return {
    name: v.name,
    legalName: v.legalName ?? '',
    website: v.website ?? '',
    country: v.country,
    kind: v.kind,
    status: v.status,
    tier: String(v.tier),
    tierReason: v.tierReason ?? '',
    dataAccess: v.dataAccess,
    contactName: v.contactName ?? '',
    contactEmail: v.contactEmail ?? '',
    contactPhone: v.contactPhone ?? '',
    contactTimeZone: v.contactTimeZone,
    hasWorkingHours: !!v.contactWorkingHours,
    days: v.contactWorkingHours ? v.contactWorkingHours.days.map(String) : emptyVendorValues.days,
    start: v.contactWorkingHours?.start ?? '09:00',
    end: v.contactWorkingHours?.end ?? '17:00',
    internalOwnerId: v.internalOwnerId,
    tags: v.tags,
    notes: v.notes ?? '',
  };
}

/** The request body for POST/PATCH; empty optional fields are sent as null so they are cleared. */
export function payloadFromValues(v: VendorFormValues) {
  return {
    name: v.name.trim(),
    legalName: blankToNull(v.legalName),
    website: blankToNull(v.website),
    country: v.country,
    kind: v.kind,
    status: v.status,
    tier: Number(v.tier),
    tierReason: blankToNull(v.tierReason),
    dataAccess: v.dataAccess,
    contactName: blankToNull(v.contactName),
    contactEmail: blankToNull(v.contactEmail),
    contactPhone: blankToNull(v.contactPhone),
    contactTimeZone: v.contactTimeZone,
    contactWorkingHours: v.hasWorkingHours
      ? { days: v.days.map(Number).sort((a, b) => a - b), start: v.start, end: v.end }
      : null,
    internalOwnerId: v.internalOwnerId,
    tags: v.tags.map((t) => t.trim().toLowerCase()).filter(Boolean),
    notes: blankToNull(v.notes),
  };
}

/** Friendlier wording than the schema's for choices left empty. */
export const VENDOR_MESSAGES = { kind: 'Choose what kind of vendor this is' };
export { VendorInput as VendorFormSchema };
