// What a person typed in a row dialog is read by the core
// (`parse_partnership_row`): the window keeps no parser of its own.
import type { AppError } from "../../api/types";
import type { ReadRow } from "../../bindings/ReadRow";

/** The reading of a dialog without typed fields. */
export const NOTHING_READ: ReadRow = {
  values: { valueCents: null, minutes: null, baseline: null, target: null, dueOn: null, on: null, value: null },
  errors: [],
};

/** The core's reading, or a refusal with its errors by field (useServerForm shows them under the fields). */
export async function readOrRefuse(reading: Promise<ReadRow>): Promise<ReadRow> {
  const read = await reading;
  const [first] = read.errors;
  if (first) {
    const refusal: AppError = { kind: "invalid", message: first.message, messageEn: first.messageEn, fields: read.errors };
    // Rejecting with a plain object is the contract: useServerForm reads `AppError`.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw refusal;
  }
  return read;
}
