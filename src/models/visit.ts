import * as z from "zod";
import { IdSchema, IsoDateSchema } from "./common.js";
import { LabPanelSchema } from "./labPanel.js";
import {
  CdaiItemsSchema,
  HbiItemsSchema,
  MayoItemsSchema,
  Pro2CdSchema,
  RutgeertsGradeSchema,
  SesCdInputSchema,
  UceisItemsSchema,
} from "./scoreInputs.js";

/**
 * One clinical visit: the inputs of every score recorded that day, corticosteroid use, and labs.
 * Any block may be absent (not assessed); what is present is validated in full.
 * @example
 * VisitSchema.parse({ patientId: "P1", date: "2024-03-01",
 *   mayo: { stoolFrequency: 1, rectalBleeding: 0, endoscopic: 1 } }).mayo?.endoscopic;
 * //=> 1
 */
export const VisitSchema = z.strictObject({
  id: IdSchema.optional(),
  patientId: IdSchema,
  date: IsoDateSchema,
  mayo: MayoItemsSchema.optional(),
  hbi: HbiItemsSchema.optional(),
  sesCd: SesCdInputSchema.optional(),
  rutgeerts: RutgeertsGradeSchema.optional(),
  cdai: CdaiItemsSchema.optional(),
  uceis: UceisItemsSchema.optional(),
  pro2: Pro2CdSchema.optional(),
  /** Systemic corticosteroid use recorded at the visit (course medication dates take precedence). */
  onCorticosteroids: z.boolean().optional(),
  labs: LabPanelSchema.optional(),
});
/** One clinical visit. */
export interface Visit extends z.infer<typeof VisitSchema> {}
