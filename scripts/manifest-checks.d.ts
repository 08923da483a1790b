/** Types for scripts/manifest-checks.js, so TypeScript tests can import it under `strict`. */

export interface ManifestNode {
  name: string;
  attrs: Record<string, string>;
  children: ManifestNode[];
  text: string;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ManifestFacts {
  rootName: string;
  rootType: string | undefined;
  id: string | undefined;
  providerName: string | undefined;
  hosts: string[];
  permissions: string | undefined;
  requirementSets: { name: string; minVersion: string }[];
  resourcesById: Map<string, { group: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'; value: string }>;
  duplicateResourceIds: string[];
  residUses: { element: string; resid: string }[];
  runtime: { resid: string; lifetime: string | undefined } | undefined;
  customFunctions:
    | {
        scriptResid: string | undefined;
        pageResid: string | undefined;
        metadataResid: string | undefined;
        namespaceResid: string | undefined;
      }
    | undefined;
  functionFileResid: string | undefined;
  showTaskpaneResids: (string | undefined)[];
  namespace: string | undefined;
  urls: { element: string; url: string }[];
  iconUrls: string[];
}

export const MAX_RESID_LENGTH: number;
export const NAMESPACE: string;
export function parseManifest(xml: string): ManifestNode;
export function describeManifest(root: ManifestNode): ManifestFacts;
export function checkManifestXml(xml: string, options?: { assetsDir?: string }): CheckResult[];
export function checkManifestFile(file: string, options?: { assetsDir?: string }): CheckResult[];
