// The plans the server knows: open documents (their current text) and the workspace index
// (files not open). Every handler asks here for a plan's analysis, and for the workspace's.
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadByAgency, type Analysis, type Load } from '../../engine';
import { isRegistryFile } from '../../host/registryFile';
import { Slices, throwIfCancelled } from '../cancellation';
import type { Analyses } from './analyses';
import type { Registries } from './registries';
import type { Sources } from './sources';
import type { WorkspaceIndex } from './workspaceIndex';

export class Plans {
  private load?: Map<string, Load>;
  private loadGeneration = 0;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: Analyses,
    private readonly registries: Registries,
    readonly index: WorkspaceIndex,
    readonly sources?: Sources,
  ) {}

  /** An open document that is a registry file, not a plan. */
  isRegistry(uri: string): boolean {
    return isRegistryFile(uri);
  }

  /** The open plan documents (registry files left out). */
  open(): TextDocument[] {
    return this.documents.all().filter((d) => !this.isRegistry(d.uri));
  }

  /** An open plan's current analysis (`token`: a cancelled request analyses nothing). */
  async analysisOf(doc: TextDocument, token?: CancellationToken): Promise<Analysis> {
    const registry = await this.registries.registryFor(doc.uri);
    throwIfCancelled(token);
    return this.analyses.of(doc, registry, await this.sources?.sourceFor(doc.uri, registry));
  }

  /** One plan: an open document's current analysis, or an indexed file's. */
  async analysisFor(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    if (doc) return this.isRegistry(uri) ? undefined : this.analysisOf(doc, token);
    return this.index.get(uri);
  }

  /**
   * Every plan's analysis: open documents first (current text), then indexed files. Between
   * documents other messages are let in now and then, and a cancelled request stops there.
   */
  async all(token?: CancellationToken): Promise<[string, Analysis][]> {
    const out: [string, Analysis][] = [];
    const seen = new Set<string>();
    const slices = new Slices(token);
    for (const d of this.open()) {
      seen.add(d.uri);
      await slices.next();
      out.push([d.uri, await this.analysisOf(d, token)]);
    }
    for (const [uri, a] of this.index.entries()) if (!seen.has(uri)) out.push([uri, a]);
    return out;
  }

  /** Each agency's load over the whole workspace (hover, completion ranking); kept until a plan is opened, saved or indexed. */
  async workspaceLoad(): Promise<Map<string, Load>> {
    if (this.load) return this.load;
    const generation = this.loadGeneration;
    const total = new Map<string, Load>();
    for (const [, a] of await this.all()) {
      for (const [k, l] of loadByAgency(a.model)) {
        const t = total.get(k) ?? { lead: 0, cooperating: 0, responsible: 0 };
        t.lead += l.lead;
        t.cooperating += l.cooperating;
        t.responsible += l.responsible;
        total.set(k, t);
      }
    }
    // Kept only if nothing changed while the plans were read.
    if (generation === this.loadGeneration) this.load = total;
    return total;
  }

  invalidateLoad(): void {
    this.load = undefined;
    this.loadGeneration++;
  }
}
