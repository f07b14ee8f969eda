/** A small argv parser: positionals, `--flag`, `--key value`, `--key=value`, `-h`. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Options by name (a Map: names such as `constructor` are ordinary keys, never inherited members). */
  readonly options: ReadonlyMap<string, string | true>;
}

/**
 * Parses arguments after the command name.
 * @param argv - Arguments.
 * @param valued - Option names that take a value.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      options.set("help", true);
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (options.has(name)) throw new ArgError(`--${name} is given twice`);
      if (valued.includes(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new ArgError(`--${name} needs a value`);
        options.set(name, v);
      } else {
        if (eq >= 0) throw new ArgError(`--${name} takes no value`);
        options.set(name, true);
      }
      continue;
    }
    if (a.length > 1 && a.startsWith("-")) throw new ArgError(`unknown option ${a} (options start with --)`);
    positionals.push(a);
  }
  return { positionals, options };
}

/** A bad command line (exit code 2). */
export class ArgError extends Error {
  override name = "ArgError";
}
