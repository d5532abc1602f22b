// Service areas merged into broader groups (seed service_area_groups), for public tables shown at a coarser grain.
import type { Warehouse } from '../../core/warehouse.js';

/** Service area -> service group, in the groups' sort order. */
export async function loadServiceGroups(db: Warehouse): Promise<Record<string, string>> {
  const rows = await db.json<{ service_area: string; service_group: string }>(
    `SELECT service_area, service_group FROM reference.service_area_groups ORDER BY sort_order, service_group, service_area`,
  );
  return Object.fromEntries(rows.map((r) => [r.service_area, r.service_group]));
}

/** "Front door (EDT, MASH)": a group's name with the areas it holds, when it holds more than one. */
export const groupWithAreas = (group: string, areas: readonly string[]): string =>
  areas.length > 1 || areas[0] !== group ? `${group} (${areas.join(', ')})` : group;
