// `csp demo --ssd`: the same simulated council as `csp demo`, written as the Standard Safeguarding Dataset tables a
// council's SSD deployment holds, one CSV per table as SQL Server Management Studio saves a result grid (headers
// are the SSD field names, ISO date-times with milliseconds, NULL for no value, no BOM), plus the complaints
// system's exports (not part of the SSD). Only facts the SSD records are written: no receiving team, decision time
// or open-case flag on contacts, no core groups, permanence plans, SGO assessments or supervisions, and one
// ssd_care_leavers row per young person at their latest contact.
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { writeComplaintsDemo } from './complaints.js';
import { CsvWriter } from './csv-writer.js';
import type { DemoFile } from './exports.js';
import { demoAsAt } from './file-times.js';
import type { ClContact } from './journeys.js';
import { simulateShards, type Simulation } from './simulate.js';
import type { DemoOptions } from './write-demo.js';

type Cell = string | null;

/** 2020-03-01 or 2020-03-01 14:05 -> 2020-03-01 14:05:00.000, as SSMS writes a datetime. */
const ts = (iso: string | null): Cell => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16) || '00:00'}:00.000` : null);
const yn = (b: boolean | null): Cell => (b === null ? null : b ? 'Y' : 'N');
/** An SSD outcome JSON column: every key present, "Y" for the outcomes that apply, "" otherwise. */
const outcomeJson = (keys: readonly string[], set: readonly string[]): string =>
  JSON.stringify(Object.fromEntries(keys.map((k) => [k, set.includes(k) ? 'Y' : ''])));

const CONTACT_KEYS = [
  'NEW_REFERRAL_FLAG',
  'EXISTING_REFERRAL_FLAG',
  'CP_ENQUIRY_FLAG',
  'NFA_FLAG',
  'NON_AGENCY_ADOPTION_FLAG',
  'PRIVATE_FOSTERING_FLAG',
  'ADVICE_FLAG',
  'MISSING_FLAG',
  'OLA_CP_FLAG',
  'OTHER_OUTCOMES_EXIST_FLAG',
];
const CONTACT_FLAG: Record<string, string> = {
  REF: 'NEW_REFERRAL_FLAG',
  ADV: 'ADVICE_FLAG',
  NFA: 'NFA_FLAG',
  EH: 'OTHER_OUTCOMES_EXIST_FLAG',
};
const ASSESSMENT_KEYS = [
  'NFA_FLAG',
  'NFA_S47_END_FLAG',
  'STRATEGY_DISCUSSION_FLAG',
  'CLA_REQUEST_FLAG',
  'PRIVATE_FOSTERING_FLAG',
  'LEGAL_ACTION_FLAG',
  'PROV_OF_SERVICES_FLAG',
  'PROV_OF_SB_CARE_FLAG',
  'SPECIALIST_ASSESSMENT_FLAG',
  'REFERRAL_TO_OTHER_AGENCY_FLAG',
  'OTHER_ACTIONS_FLAG',
  'OTHER_OUTCOMES_EXIST_FLAG',
];
const ASSESSMENT_FLAG: Record<string, string> = {
  NFA: 'NFA_FLAG',
  S47: 'STRATEGY_DISCUSSION_FLAG',
  CLA: 'CLA_REQUEST_FLAG',
  CIN: 'PROV_OF_SERVICES_FLAG',
  EH: 'OTHER_OUTCOMES_EXIST_FLAG',
};
const S47_KEYS = [
  'NFA_FLAG',
  'LEGAL_ACTION_FLAG',
  'PROV_OF_SERVICES_FLAG',
  'PROV_OF_SB_CARE_FLAG',
  'CP_CONFERENCE_FLAG',
  'NFA_CONTINUE_SINGLE_FLAG',
  'MONITOR_FLAG',
  'OTHER_OUTCOMES_EXIST_FLAG',
];
/** The SSD writes the category of abuse as its label. */
const ABUSE_LABEL: Record<string, string> = {
  NEG: 'Neglect',
  EMO: 'Emotional abuse',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  MUL: 'Multiple: Neglect, Emotional abuse',
};

export async function writeSsdDemo(
  opts: DemoOptions,
  sims: Iterable<Simulation> = simulateShards(opts),
): Promise<DemoFile[]> {
  const dir = path.join(opts.out, 'ssd');
  mkdirSync(dir, { recursive: true });
  const asAt = demoAsAt(opts.to);
  // Each table's file stays open while every shard's rows are appended (simulate.ts), in the order first written.
  const open = new Map<string, { file: string; writer: CsvWriter }>();
  const table = async (name: string, header: readonly string[], rows: Iterable<Cell[]>): Promise<void> => {
    let t = open.get(name);
    if (!t) {
      const file = path.join(dir, `${name}.csv`);
      t = { file, writer: new CsvWriter(file, header, { bom: false }) };
      open.set(name, t);
    }
    for (const row of rows) await t.writer.write(row.map((v) => v ?? 'NULL'));
  };
  // Teams are referred to by ID, as SSD deployments do; ssd_department names them. IDs follow the names' order
  // in the first shard; a team first seen in a later shard takes the next ID.
  const teamId = new Map<string, string>();
  for (const sim of sims) await writeSsdShard(sim, opts, table, teamId);
  await table(
    'ssd_department',
    ['dept_team_id', 'dept_team_name', 'dept_team_parent_id', 'dept_team_parent_name'],
    [...teamId].map(([t, id]) => [id, t, null, null]),
  );
  const files: DemoFile[] = [];
  for (const [name, t] of open) {
    await t.writer.close();
    utimesSync(t.file, asAt, asAt);
    files.push({ file: t.file, entity: name, rows: t.writer.rows, faults: 0 });
  }
  files.push(...(await writeComplaintsDemo(opts)));
  return files;
}

type Table = (name: string, header: readonly string[], rows: Iterable<Cell[]>) => Promise<void>;

async function writeSsdShard(
  sim: Simulation,
  opts: DemoOptions,
  table: Table,
  teamId: Map<string, string>,
): Promise<void> {
  const { people, journeys: j, staff, contacts } = sim;
  for (const t of [
    ...new Set([
      ...staff.workers.map((w) => w.team),
      ...staff.allocations.map((a) => a.team),
      ...j.assessments.map((a) => a.team),
    ]),
  ].sort()) {
    if (!teamId.has(t)) teamId.set(t, `D${String(teamId.size + 1).padStart(4, '0')}`);
  }
  const team = (name: string | null): Cell => (name === null ? null : teamId.get(name)!);
  await table(
    'ssd_person',
    [
      'pers_person_id',
      'pers_sex',
      'pers_gender',
      'pers_ethnicity',
      'pers_dob',
      'pers_common_child_id',
      'pers_legacy_id',
      'pers_upn_unknown',
      'pers_send_flag',
      'pers_expected_dob',
      'pers_death_date',
      'pers_is_mother',
      'pers_nationality',
    ],
    [...people.children.values()].map((c) => [
      c.id,
      c.sex === '1' ? 'M' : 'F',
      null,
      c.ethnicity,
      ts(c.dob),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
  );
  await table(
    'ssd_contacts',
    [
      'cont_contact_id',
      'cont_person_id',
      'cont_contact_date',
      'cont_contact_source_code',
      'cont_contact_source_desc',
      'cont_contact_outcome_json',
    ],
    contacts.map((c) => [
      c.contactId,
      c.childId,
      ts(c.contactAt),
      c.sourceCode,
      c.sourceLabel,
      outcomeJson(CONTACT_KEYS, c.outcome ? [CONTACT_FLAG[c.outcome]!] : []),
    ]),
  );
  await table(
    'ssd_cin_episodes',
    [
      'cine_referral_id',
      'cine_person_id',
      'cine_referral_date',
      'cine_cin_primary_need_code',
      'cine_referral_source_code',
      'cine_referral_source_desc',
      'cine_referral_outcome_json',
      'cine_referral_nfa',
      'cine_close_reason',
      'cine_close_date',
      'cine_referral_team',
      'cine_referral_worker_id',
    ],
    j.referrals.map((r) => [
      r.id,
      r.childId,
      ts(r.date),
      r.need,
      r.source,
      null,
      null,
      yn(r.nfa),
      null,
      null,
      null,
      null,
    ]),
  );
  await table(
    'ssd_cin_assessments',
    [
      'cina_assessment_id',
      'cina_person_id',
      'cina_referral_id',
      'cina_assessment_start_date',
      'cina_assessment_child_seen',
      'cina_assessment_auth_date',
      'cina_assessment_outcome_json',
      'cina_assessment_outcome_nfa',
      'cina_assessment_team',
      'cina_assessment_worker_id',
    ],
    j.assessments.map((a) => [
      a.id,
      a.childId,
      a.referralId,
      ts(a.start),
      'Y',
      ts(a.authorised),
      a.outcome ? outcomeJson(ASSESSMENT_KEYS, [ASSESSMENT_FLAG[a.outcome]!]) : null,
      a.outcome ? yn(a.outcome === 'NFA') : null,
      team(a.team),
      null,
    ]),
  );
  await table(
    'ssd_s47_enquiry',
    [
      's47e_s47_enquiry_id',
      's47e_referral_id',
      's47e_person_id',
      's47e_s47_start_date',
      's47e_s47_end_date',
      's47e_s47_nfa',
      's47e_s47_outcome_json',
      's47e_s47_completed_by_worker_id',
      's47e_s47_completed_by_team',
    ],
    j.s47s.map((s) => [
      s.id,
      s.referralId,
      s.childId,
      ts(s.start),
      null,
      null,
      outcomeJson(S47_KEYS, s.icpcRequired ? ['CP_CONFERENCE_FLAG'] : ['NFA_FLAG']),
      null,
      null,
    ]),
  );
  const planOf = new Map(j.cpPlans.filter((p) => p.s47Id).map((p) => [p.s47Id!, p]));
  const icpcId = (s47Id: string) => `ICPC-${s47Id}`;
  await table(
    'ssd_initial_cp_conference',
    [
      'icpc_icpc_id',
      'icpc_icpc_meeting_id',
      'icpc_s47_enquiry_id',
      'icpc_person_id',
      'icpc_cp_plan_id',
      'icpc_referral_id',
      'icpc_icpc_transfer_in',
      'icpc_icpc_target_date',
      'icpc_icpc_date',
      'icpc_icpc_outcome_cp_flag',
      'icpc_icpc_outcome_json',
      'icpc_icpc_team',
      'icpc_icpc_worker_id',
    ],
    j.s47s
      .filter((s) => s.icpc)
      .map((s) => [
        icpcId(s.id),
        null,
        s.id,
        s.childId,
        planOf.get(s.id)?.id ?? null,
        s.referralId,
        'N',
        null,
        ts(s.icpc),
        yn(planOf.has(s.id)),
        null,
        null,
        null,
      ]),
  );
  await table(
    'ssd_cp_plans',
    [
      'cppl_cp_plan_id',
      'cppl_referral_id',
      'cppl_icpc_id',
      'cppl_person_id',
      'cppl_cp_plan_start_date',
      'cppl_cp_plan_end_date',
      'cppl_cp_plan_initial_category',
      'cppl_cp_plan_ola',
      'cppl_cp_plan_latest_category',
    ],
    j.cpPlans.map((p) => [
      p.id,
      null,
      p.s47Id ? icpcId(p.s47Id) : null,
      p.childId,
      ts(p.start),
      ts(p.end),
      ABUSE_LABEL[p.category] ?? p.category,
      'N',
      ABUSE_LABEL[p.category] ?? p.category,
    ]),
  );
  const planChild = new Map(j.cpPlans.map((p) => [p.id, p.childId]));
  await table(
    'ssd_cp_reviews',
    [
      'cppr_cp_review_id',
      'cppr_person_id',
      'cppr_cp_plan_id',
      'cppr_cp_review_due',
      'cppr_cp_review_date',
      'cppr_cp_review_meeting_id',
      'cppr_cp_review_outcome_continue_cp',
      'cppr_cp_review_quorate',
      'cppr_cp_review_participation',
    ],
    j.cpReviews.map((r) => [
      r.id,
      planChild.get(r.parentId) ?? null,
      r.parentId,
      null,
      ts(r.date),
      null,
      null,
      null,
      null,
    ]),
  );

  // One CLA ID per child (its episodes and reviews share it); one placement and one legal status per episode.
  const claId = (childId: string) => `CLA-${childId}`;
  await table(
    'ssd_cla_episodes',
    [
      'clae_cla_episode_id',
      'clae_person_id',
      'clae_cla_episode_start_date',
      'clae_cla_episode_start_reason',
      'clae_cla_primary_need_code',
      'clae_cla_episode_ceased_date',
      'clae_cla_episode_ceased_reason',
      'clae_cla_id',
      'clae_referral_id',
      'clae_cla_placement_id',
      'clae_entered_care_date',
      'clae_cla_last_iro_contact_date',
    ],
    j.episodes.map((e) => [
      e.id,
      e.childId,
      ts(e.start),
      e.rne,
      e.cin,
      ts(e.end),
      e.rec,
      claId(e.childId),
      null,
      `PL-${e.id}`,
      null,
      null,
    ]),
  );
  await table(
    'ssd_cla_placement',
    [
      'clap_cla_placement_id',
      'clap_cla_placement_start_date',
      'clap_cla_placement_type',
      'clap_cla_placement_urn',
      'clap_cla_placement_distance',
      'clap_cla_id',
      'clap_cla_placement_provider',
      'clap_cla_placement_postcode',
      'clap_cla_placement_end_date',
      'clap_cla_placement_change_reason',
      'clap_person_id',
    ],
    j.episodes.map((e) => [
      `PL-${e.id}`,
      ts(e.start),
      e.place,
      null,
      null,
      claId(e.childId),
      null,
      null,
      ts(e.end),
      null,
      e.childId,
    ]),
  );
  await table(
    'ssd_legal_status',
    [
      'lega_legal_status_id',
      'lega_person_id',
      'lega_legal_status',
      'lega_legal_status_start_date',
      'lega_legal_status_end_date',
    ],
    j.episodes.map((e) => [`LS-${e.id}`, e.childId, e.ls, ts(e.start), ts(e.end)]),
  );
  await table(
    'ssd_cla_reviews',
    [
      'clar_cla_review_id',
      'clar_cla_id',
      'clar_cla_review_due_date',
      'clar_cla_review_date',
      'clar_cla_review_cancelled',
      'clar_cla_review_participation',
    ],
    j.claReviews.map((r) => [r.id, claId(r.parentId), null, ts(r.date), 'N', null]),
  );
  await table(
    'ssd_permanence',
    [
      'perm_table_id',
      'perm_person_id',
      'perm_cla_id',
      'perm_adm_decision_date',
      'perm_ffa_cp_decision_date',
      'perm_placement_order_date',
      'perm_placed_for_adoption_date',
      'perm_matched_date',
      'perm_adopted_by_carer_flag',
      'perm_placed_ffa_cp_date',
      'perm_decision_reversed_date',
      'perm_placed_foster_carer_date',
      'perm_part_of_sibling_group',
      'perm_siblings_placed_together',
      'perm_siblings_placed_apart',
      'perm_placement_provider_urn',
      'perm_decision_reversed_reason',
      'perm_permanence_order_date',
      'perm_permanence_order_type',
      'perm_adoption_worker_id',
      'perm_adopter_sex',
      'perm_adopter_legal_status',
      'perm_number_of_adopters',
    ],
    j.adoptions.map((a) => [
      `PERM-${a.childId}`,
      a.childId,
      claId(a.childId),
      ts(a.adm),
      null,
      null,
      ts(a.placed),
      ts(a.matched),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      ts(a.order),
      a.order ? 'Adoption' : null,
      null,
      null,
      null,
      null,
    ]),
  );
  const latest = new Map<string, ClContact>();
  for (const c of j.clContacts)
    if (c.date <= opts.to && (latest.get(c.childId)?.date ?? '') <= c.date) latest.set(c.childId, c);
  await table(
    'ssd_care_leavers',
    [
      'clea_table_id',
      'clea_person_id',
      'clea_care_leaver_eligibility',
      'clea_care_leaver_in_touch',
      'clea_care_leaver_latest_contact',
      'clea_care_leaver_accommodation',
      'clea_care_leaver_accom_suitable',
      'clea_care_leaver_activity',
      'clea_pathway_plan_review_date',
      'clea_care_leaver_personal_advisor',
      'clea_care_leaver_allocated_team',
      'clea_care_leaver_worker_id',
    ],
    [...latest.values()].map((c) => [
      `CLEA-${c.childId}`,
      c.childId,
      null,
      c.inTouch,
      ts(c.date),
      c.accom,
      c.suitable === null ? null : c.suitable ? '1' : '2',
      c.activity,
      null,
      null,
      null,
      null,
    ]),
  );
  await table(
    'ssd_missing',
    [
      'miss_table_id',
      'miss_person_id',
      'miss_missing_episode_start_date',
      'miss_missing_episode_type',
      'miss_missing_episode_end_date',
      'miss_missing_rhi_offered',
      'miss_missing_rhi_accepted',
    ],
    j.missing.map((m) => [
      m.id,
      m.childId,
      ts(m.start),
      m.type === 'AWAY' ? 'Away' : 'Missing',
      ts(m.end),
      yn(m.offered),
      yn(m.accepted),
    ]),
  );
  // Workers carry no names (prof_professional_name is left NULL, as a pseudonymised extract would).
  await table(
    'ssd_professionals',
    [
      'prof_professional_id',
      'prof_staff_id',
      'prof_professional_name',
      'prof_social_worker_registration_no',
      'prof_professional_job_title',
      'prof_professional_caseload',
      'prof_professional_department',
      'prof_full_time_equivalency',
      'prof_agency_worker_flag',
    ],
    staff.workers.map((w) => [
      w.id,
      w.id,
      null,
      null,
      w.role,
      null,
      team(w.team),
      String(w.fte),
      yn(w.employment === 'AGENCY'),
    ]),
  );
  await table(
    'ssd_involvements',
    [
      'invo_involvements_id',
      'invo_professional_id',
      'invo_professional_role_id',
      'invo_professional_team',
      'invo_involvement_start_date',
      'invo_involvement_end_date',
      'invo_worker_change_reason',
      'invo_person_id',
      'invo_referral_id',
    ],
    staff.allocations.map((a) => [a.id, a.workerId, 'CW', team(a.team), ts(a.start), ts(a.end), null, a.childId, null]),
  );
}
