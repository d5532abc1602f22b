// CIN census child protection reviews (<Reviews><CPPreviewDate> inside <ChildProtectionPlans>).
import type { Contract } from '../../lib/contract.js';
import { returnTable } from '../../lib/return-fields.js';
import { date, notBefore } from '../../lib/fields.js';
import { laChildId } from '../shared-fields.js';

const planStart = date('plan_start_date', 'CPPstartDate', 'Start date of the plan the review belongs to.');
const review = date('review_date', 'CPPreviewDate', 'Date of the review conference.');

export const cinCpReviewsContract: Contract = returnTable({
  system: 'cin_census',
  entity: 'cp_reviews',
  title: 'CIN census child protection reviews',
  description: 'One record per <CPPreviewDate> of a plan in the CIN census XML (stream `file.xml#cp_reviews`).',
  key: ['child_id', 'plan_start_date', 'review_date'],
  fields: [laChildId(), planStart, review],
  rowChecks: [notBefore(review, planStart)],
});
