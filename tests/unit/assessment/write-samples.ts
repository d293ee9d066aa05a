/** Writes the synthetic two-visit office as .forewarn files for resources/samples (run: npx tsx tests/unit/assessment/write-samples.ts DIR). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAssessment } from '../../../electron/host/library/assessment-codec';
import { syntheticOffice } from './synthetic-office';

const dir = process.argv[2] ?? 'resources/samples';
const at = new Date('2026-03-13T12:00:00Z');
writeFileSync(join(dir, 'harbour-dental-2026-01.forewarn'), encodeAssessment(syntheticOffice({ visit: 1 }), { name: 'January visit', tags: ['sample'] }, at));
writeFileSync(join(dir, 'harbour-dental-2026-03.forewarn'), encodeAssessment(syntheticOffice({ visit: 2 }), { name: 'March visit', tags: ['sample'] }, at));
