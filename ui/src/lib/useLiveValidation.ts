// Validation as you type: the backend's validator is the truth, asked again
// once typing pauses. Never blocks typing; a failed call changes nothing.
import { useEffect, useRef, useState } from "react";

import type { FieldError } from "../bindings/FieldError";

export const VALIDATE_DEBOUNCE_MS = 250;

export function useLiveValidation<I>(
  input: I,
  validate: (input: I) => Promise<FieldError[]>,
  delay = VALIDATE_DEBOUNCE_MS,
): [FieldError[], (errors: FieldError[]) => void] {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const seq = useRef(0);
  const key = JSON.stringify(input);
  const validateRef = useRef(validate);
  useEffect(() => {
    validateRef.current = validate;
  });

  useEffect(() => {
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      validateRef.current(JSON.parse(key) as I).then(
        (found) => {
          if (seq.current === mine) setErrors(found);
        },
        () => undefined,
      );
    }, delay);
    return () => window.clearTimeout(timer);
  }, [key, delay]);

  // Errors from a refused submit replace the live ones until the next change.
  const replace = (found: FieldError[]) => {
    seq.current++;
    setErrors(found);
  };
  return [errors, replace];
}
