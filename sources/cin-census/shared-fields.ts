// Fields every CIN census record carries from its <Child> and <CINdetails>: headers are the XML element names.
import { date, text } from '../lib/fields.js';

export const laChildId = () =>
  text('child_id', 'LAchildID', "The council's own child identifier (ChildIdentifiers/LAchildID).");
export const referralDate = () =>
  date('referral_date', 'CINreferralDate', 'Date of the referral (CINdetails/CINreferralDate) the record belongs to.');
