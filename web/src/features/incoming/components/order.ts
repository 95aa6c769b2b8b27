/** Most urgent first, then the longest-waiting: the order in which pending documents should be handled. */
export const byUrgencyThenNumber = <T extends { urgency: number; arrivalNumber: number }>(a: T, b: T) => b.urgency - a.urgency || a.arrivalNumber - b.arrivalNumber;
