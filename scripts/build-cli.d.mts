export declare const ROOT: string;
export declare const BUNDLE: string;
export declare function buildCli(): Promise<void>;
