/**
 * The command line every simulator's `cli.ts` shares: `--name value` / `--name=value` flags, `--help`, and a
 * simulator that runs until SIGINT/SIGTERM (how `npm start` stops it).
 */
export interface CliFlags {
	get(name: string): string | undefined;
	/** A non-negative integer flag, or the fallback when absent. */
	integer(name: string, fallback: number): number;
}

export function parseFlags(argv: string[], known: readonly string[], usage: string): CliFlags {
	const values = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match || !known.includes(match[1])) throw new Error(`Unexpected argument "${argv[i]}"\n${usage}`);
		const value = match[2] ?? argv[++i];
		if (value === undefined) throw new Error(`--${match[1]} needs a value\n${usage}`);
		values.set(match[1], value);
	}
	return {
		get: (name) => values.get(name),
		integer(name, fallback) {
			const raw = values.get(name);
			if (raw === undefined) return fallback;
			if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
			return Number(raw);
		},
	};
}

/** Runs `start` with the parsed flags, prints its banner, and closes the simulator on SIGINT/SIGTERM. */
export function runSimulatorCli(
	known: readonly string[],
	usage: string,
	start: (flags: CliFlags) => Promise<{ banner: string; close(): Promise<void> }>,
): void {
	const main = async () => {
		if (process.argv.includes('--help')) {
			process.stdout.write(`${usage}\n`);
			return;
		}
		const simulator = await start(parseFlags(process.argv.slice(2), known, usage));
		process.stdout.write(`${simulator.banner}\n`);
		const stop = () => {
			simulator.close().then(
				() => process.exit(0),
				() => process.exit(1),
			);
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	};
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
