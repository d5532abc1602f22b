// Council-specific settings in one file, validated at start-up. Every setting has a default so the demo runs with none.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { isCollectionYear } from './calendar/collection-year.js';

/** An IP address, or a range in CIDR form (10.0.0.0/8, fd00::/8). */
const isAddressOrRange = (v: string): boolean => {
  const [address, bits, ...rest] = v.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** An appendix number becomes part of the appendix's file name, so it is one plain name part: no folders, no "..". */
const appendixNumber = z
  .string()
  .regex(
    /^[A-Za-z0-9]{1,8}([._-][A-Za-z0-9]{1,8}){0,3}$/,
    'expected an appendix number or letter such as 1, 2a or B-3 (letters and digits, with . - or _ between them); it becomes part of the file name, so it cannot hold / or ..',
  );
const sourceKey = z
  .string()
  .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'expected a source key such as case_management.contacts');
const collectionYear = z.string().refine(isCollectionYear, 'expected a collection year such as 2024/25');

export const ConfigSchema = z
  .object({
    council: z
      .object({
        name: z.string().min(1).default('Demo Borough Council'),
        directorate: z.string().min(1).default("Children's Services"),
        /**
         * The council's DfE LA number (e.g. 332 for Dudley): the scorecard sets each KPI beside the DfE's published
         * England, region and statistical-neighbour figures for it. Unset: no comparators.
         */
        laCode: z.number().int().min(100).max(999).optional(),
      })
      .prefault({}),
    committee: z
      .object({
        name: z.string().min(1).default("Children's Services Scrutiny Committee"),
        /** The meeting the appendices are for; blank means "not set" and the cover says so. */
        meetingDate: isoDate.optional(),
      })
      .prefault({}),
    /** Where the council's exports are dropped (relative paths are relative to the config file). */
    inputDir: z.string().optional(),
    /**
     * The council's own headers and code values: a mapping CSV (kind,field,from,to) per source, keyed
     * "system.entity", e.g. { "case_management.contacts": "mappings/contacts.csv" }. Paths are relative to the config file.
     */
    mappings: z.record(sourceKey, z.string().min(1)).default({}),
    /** The statutory returns. */
    returns: z
      .object({
        ssda903: z
          .object({
            /**
             * The collection year the 903 files are checked against; by default the year their latest event date
             * (episode, review, missing ... up to today) falls in. The CIN census names its own (ReferenceDate).
             */
            collectionYear: collectionYear.optional(),
          })
          .prefault({}),
      })
      .prefault({}),
    suppression: z
      .object({
        /** Public appendices show counts from 1 to this number as "c". */
        threshold: z.number().int().min(0).max(20).default(5),
        /**
         * How many values every suppressed cell must still be able to take given everything a public appendix
         * shows (the exact disclosure audit); unset means the threshold.
         */
        protection: z.number().int().min(1).max(100).optional(),
        /**
         * A public table with a grain choice (Appendix 1's open-case contacts, Appendix 3's Comments) is shown at
         * the finest grain of its list at which at most this share of its figures is "c" (else the coarsest), so
         * suppression does not leave a wall of "c".
         */
        maxSuppressedShare: z.number().min(0).max(1).default(0.25),
      })
      .prefault({}),
    schedule: z
      .object({
        cron: z.string().default('15 3 * * *'),
        timezone: z.string().default('Europe/London'),
      })
      .prefault({}),
    reports: z
      .object({
        contactActivity: z
          .object({
            appendix: appendixNumber.default('1'),
            /** Number of weeks (Mon-Sun) in the weekly table. */
            weeks: z.number().int().min(2).max(104).default(19),
            /** Last day of the reported period; defaults to the Sunday before the data-as-at date. */
            periodEnd: isoDate.optional(),
            /** The date the "before vs since" comparison splits at (e.g. the start of lockdown). */
            compareFrom: isoDate.optional(),
            /** Plain-text analyst comment placed in the appendix when the file exists. */
            commentFile: z.string().optional(),
            /** The meeting this appendix is for (else committee.meetingDate when that is after the period). */
            meetingDate: isoDate.optional(),
            /**
             * The public open-case table's grains, finest first: rows of `weeks` weeks (counted back from the
             * period's end), columns by service area or by service group (seed service_area_groups). The
             * restricted appendix is always weekly by service area.
             */
            openCaseGrains: z
              .array(
                z
                  .object({
                    weeks: z.number().int().min(1).max(104),
                    columns: z.enum(['service area', 'service group']),
                  })
                  .strict(),
              )
              .min(1)
              .default([
                { weeks: 1, columns: 'service area' },
                { weeks: 4, columns: 'service area' },
                { weeks: 4, columns: 'service group' },
                { weeks: 13, columns: 'service group' },
              ]),
          })
          .strict()
          .prefault({}),
        scorecard: z
          .object({
            appendix: appendixNumber.default('2'),
            /** Month end reported; defaults to the latest complete month with data. */
            periodEnd: isoDate.optional(),
            /** The meeting this appendix is for (else committee.meetingDate when that is after the period). */
            meetingDate: isoDate.optional(),
          })
          .strict()
          .prefault({}),
        complaintsAnnual: z
          .object({
            appendix: appendixNumber.default('3'),
            title: z.string().default("Children's Services Complaints, Comments and Compliments Annual Report"),
            /** Last day of the financial year reported (a 31 March); defaults to the latest complete year in the data. */
            periodEnd: isoDate.optional(),
            /** Financial years in the trend charts and tables (fewer when the data holds fewer). */
            trendYears: z.number().int().min(2).max(10).default(4),
            /** The public Comments table's grains, finest first (see suppression.maxSuppressedShare): 'all' shows the total alone. Restricted is by service area. */
            commentsGrains: z
              .array(z.enum(['service area', 'service group', 'all']))
              .min(1)
              .default(['service area', 'service group', 'all']),
            /** The meeting this appendix is for (else committee.meetingDate when that is after the period). */
            meetingDate: isoDate.optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /**
     * The completeness guard (pipelines/extract/completeness.ts): a source's new export with more than this share
     * fewer rows than its previous one, or whose latest date goes backwards, is held back (the source keeps its
     * previous data) until `csp accept SOURCE`; a cut-off file is always held.
     */
    completeness: z
      .object({
        /** Percent fewer rows than the previous export beyond which a new export is held back. */
        maxDropPercent: z.number().min(0).max(100).default(20),
        /** Per-source limits, keyed by source (e.g. "case_management.contacts"). */
        perSource: z.record(sourceKey, z.number().min(0).max(100)).default({}),
        /** Sources whose shrunk or older exports are always taken (the change is known to be real). */
        accept: z.array(sourceKey).default([]),
      })
      .strict()
      .prefault({}),
    /** The DfE's validation rules run on every SSDA903 and CIN census landed (pipelines/validate). */
    validation: z
      .object({
        /** Run the DfE's rules each night (the run publishes either way). */
        enabled: z.boolean().default(true),
        /** The council's 9-character ONS code (e.g. E08000027 for Dudley): the 903 rules on placements in or out of area need it. */
        localAuthority: z
          .string()
          .regex(/^[ENSW]\d{8}$/, 'expected an ONS code such as E08000027')
          .optional(),
        /** A validator still running after this is stopped and the run publishes, saying "validation not run". */
        timeoutSeconds: z.number().int().min(10).max(7200).default(600),
      })
      .strict()
      .prefault({}),
    /** The secret behind the marts' pseudonymous keys (child_key, worker_key, ...): see README "Pseudonymous keys". */
    pseudonymisation: z
      .object({
        /** The key file, made at the first run (mode 0600); default $CSP_DATA_DIR/secrets/pseudonym.key. Relative to the config file. */
        keyFile: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** Nightly operations: retries, freshness limits, retention of published runs, who to tell when it fails. */
    ops: z
      .object({
        retention: z
          .object({
            /** Published runs (warehouse snapshot + appendices) kept under published/; older ones are pruned. */
            keep: z.number().int().min(1).max(366).default(7),
          })
          .strict()
          .prefault({}),
        freshness: z
          .object({
            /** A source whose newest export file is older than this many days is reported as stale. */
            maxAgeDays: z.number().min(0).default(2),
            /** Per-source limits, keyed by source (e.g. "case_management.contacts"). */
            perSource: z.record(z.string(), z.number().min(0)).default({}),
          })
          .strict()
          .prefault({}),
        notify: z
          .object({
            /** Shell command run after a run; it gets the one-line summary on stdin and in $CSP_SUMMARY. */
            command: z.string().min(1).optional(),
            /** "problems": only when a run fails or a source is stale; "always": after every run. */
            on: z.enum(['problems', 'always']).default('problems'),
            timeoutSeconds: z.number().int().min(1).max(3600).default(60),
          })
          .strict()
          .prefault({}),
        retry: z
          .object({
            /** Tries per stage when the failure looks transient (a locked file, a busy disk). */
            attempts: z.number().int().min(1).max(10).default(3),
            /** First wait between tries; doubled each time. */
            baseDelayMs: z.number().int().min(0).max(600_000).default(500),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** The officers' web portal (`csp serve`). */
    portal: z
      .object({
        /** Interface to listen on; loopback by default, so only a reverse proxy on the same server reaches it. */
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** Users, roles and password hashes (`csp user add`); default $CSP_DATA_DIR/users.json. */
        usersFile: z.string().min(1).optional(),
        /** Every download, refusal and sign-in attempt; default $CSP_DATA_DIR/logs/portal-audit.log. */
        auditLog: z.string().min(1).optional(),
        /** Minutes a sign-in lasts. */
        sessionMinutes: z
          .number()
          .int()
          .min(5)
          .max(24 * 60)
          .default(480),
        /** "auto": Secure cookies when the request came over https; "always" behind a TLS proxy; "never" only for tests on plain http. */
        secureCookies: z.enum(['auto', 'always', 'never']).default('auto'),
        /** Failed or successful sign-in attempts allowed per address in each window. */
        loginAttempts: z
          .object({
            max: z.number().int().min(1).max(1000).default(10),
            windowMinutes: z.number().int().min(1).max(1440).default(15),
          })
          .strict()
          .prefault({}),
        /**
         * Addresses the portal is reached at besides its own Host, e.g. "https://reports.council.gov.uk" behind a
         * reverse proxy that rewrites Host. A form posted from any other origin is refused.
         */
        publicOrigins: z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)).default([]),
        /** Password checks (scrypt) at once, and sign-ins waiting for one; more are refused at once with 503. */
        signInChecks: z
          .object({
            concurrent: z.number().int().min(1).max(16).default(2),
            queued: z.number().int().min(0).max(64).default(4),
          })
          .strict()
          .prefault({}),
        /** A request must arrive whole (headers and body) within these, and an idle connection is closed (slow-sending clients). */
        timeouts: z
          .object({
            headersSeconds: z.number().int().min(1).max(300).default(10),
            requestSeconds: z.number().int().min(1).max(600).default(30),
            idleSeconds: z.number().int().min(1).max(3600).default(60),
          })
          .strict()
          .refine((t) => t.headersSeconds <= t.requestSeconds, {
            message: 'headersSeconds cannot be longer than requestSeconds',
          })
          .prefault({}),
        /**
         * The reverse proxy in front of the portal. Off by default: X-Forwarded-For/-Proto are believed only from
         * `addresses` once it is set (or from loopback when only `header` is). `header` (e.g. "X-Remote-User")
         * takes the user's identity from a proxy that has already signed them in, honoured only from those
         * addresses; the role still comes from the users file.
         */
        trustedProxy: z
          .object({
            header: z
              .string()
              .regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name such as X-Remote-User')
              .optional(),
            addresses: z
              .array(
                z
                  .string()
                  .refine(isAddressOrRange, 'expected an IP address or range such as 127.0.0.1, ::1 or 10.0.0.0/8'),
              )
              .min(1)
              .optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** The disclosure audit's protection: suppression.protection, else the threshold. */
export const protectionOf = (c: Config): number => c.suppression.protection ?? c.suppression.threshold;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** The demo reproduces the seed committee paper: 19 weeks to 14 June 2020, split at the 23 March lockdown. */
export const demoConfig: ConfigInput = {
  // The demo's figures are synthetic, but it stands in for Dudley (whose committee papers it reproduces), so
  // its scorecard is compared with Dudley's real published figures (LA 332) and says so.
  council: { name: 'Demo Borough Council', laCode: 332 },
  committee: { meetingDate: '2020-06-29' },
  // Each appendix has its own meeting: the March 2021 scorecard and the 2020/21 annual report are not for June 2020.
  reports: {
    contactActivity: { periodEnd: '2020-06-14', compareFrom: '2020-03-23', weeks: 19 },
    scorecard: { meetingDate: '2021-04-26' },
    complaintsAnnual: { meetingDate: '2021-06-28' },
  },
  // The demo's exports are dated April 2021 on purpose; a freshness limit would only cry wolf.
  ops: { freshness: { maxAgeDays: 36_500 } },
};

export class ConfigError extends Error {}

export function parseConfig(input: unknown, source = 'configuration'): Config {
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new ConfigError(
      `${source} is not valid:\n${lines.join('\n')}\nFix these settings (see README "Configuration") and run again.`,
    );
  }
  return result.data;
}

/**
 * Loads the config: an explicit path, else CSP_CONFIG, else ./csp.config.json if present, else defaults.
 * Returns the folder relative paths in the file are resolved against.
 */
export function loadConfig(
  explicitPath?: string,
  overrides?: ConfigInput,
): { config: Config; baseDir: string; file?: string } {
  const file =
    explicitPath ?? process.env.CSP_CONFIG ?? (existsSync('csp.config.json') ? 'csp.config.json' : undefined);
  if (!file) return { config: parseConfig(overrides ?? {}), baseDir: process.cwd() };
  const abs = path.resolve(file);
  if (!existsSync(abs))
    throw new ConfigError(`config file ${abs} does not exist: create it or drop --config/CSP_CONFIG.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (e) {
    throw new ConfigError(`config file ${abs} is not valid JSON (${(e as Error).message}): fix it and run again.`);
  }
  return { config: parseConfig(deepMerge(overrides ?? {}, raw), abs), baseDir: path.dirname(abs), file: abs };
}

/** The council's own file wins over built-in overrides (such as the demo's report period). */
function deepMerge(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
    return out;
  }
  return over === undefined ? base : over;
}
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
