export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}
/** Runs the CLI as a real process from its TypeScript source (core through the `source` condition), in a foreign timezone. */
export declare function motcua(args: string[], cwd?: string, env?: Record<string, string | undefined>): Promise<Run>;
export declare const noStackTrace: (text: string) => void;
