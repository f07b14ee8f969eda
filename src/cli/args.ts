/** A small argv parser: positionals, `--flag`, `--key value`, `--key=value`, `-h`. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

/**
 * Parses arguments after the command name.
 * @param argv - Arguments.
 * @param valued - Option names that take a value.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = Object.create(null) as Record<string, string | true>;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      options.help = true;
      continue;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new ArgError(`--${name} needs a value`);
        options[name] = v;
      } else {
        if (eq >= 0) throw new ArgError(`--${name} takes no value`);
        options[name] = true;
      }
      continue;
    }
    positionals.push(a);
  }
  return { positionals, options };
}

/** A bad command line (exit code 2). */
export class ArgError extends Error {
  override name = "ArgError";
}
