import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components?: object;
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * Checks a response against the OpenAPI document the app serves: the status must be declared for
 * the operation, the media type must be declared, and the body must match its schema.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { pattern: RegExp; template: string }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Returns a list of problems; empty when the response is true to the document. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): string[] {
    // As routers match: a template with the method, a literal segment before a parameter (POST
    // /articles/imports is not POST /articles/{slug}).
    const candidates = this.templates.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.template);
    const template = candidates.find((name) => this.document.paths[name]?.[method.toLowerCase()] !== undefined) ?? candidates[0];
    if (!template) return [`${path} is not in the document`];
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${template} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${template} does not declare status ${status}`];
    if (!response.content) return body === null ? [] : [`${method} ${template} ${status} declares no body`];
    const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
    const media = response.content[mediaType];
    if (!media) return [`${method} ${template} ${status} does not declare ${mediaType}`];
    const key = `${method} ${template} ${status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...media.schema, components: this.document.components });
      this.compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${key}: ${error.instancePath} ${error.message}`);
  }
}
