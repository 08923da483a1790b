/** Types for scripts/office-addin-debugging.js. */
/** "office-addin-debugging@x.y.z", the exact version npx runs. */
export const OFFICE_ADDIN_DEBUGGING: string;
