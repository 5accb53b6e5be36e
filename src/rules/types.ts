/**
 * The rules' settings.
 */

export interface RuleSettings {
  /** requests.other_share: the largest share of 其他处理 in （七）总计 before a warning. */
  otherShareMax: number;
}

export const DEFAULT_SETTINGS: RuleSettings = { otherShareMax: 0.1 };
