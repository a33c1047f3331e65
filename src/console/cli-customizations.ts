// Where the AWS CLI's command line differs from what the service model alone gives: the few
// customizations (awscli/customizations/*.py) that touch the commands we support. Everything else
// in the command table is derived from the models.

/** The CLI's name for a service when it is not botocore's (`aws s3api` is the S3 API). */
export const CLI_SERVICE_NAMES: Readonly<Record<string, string>> = { s3: 's3api' };

/** An argument the CLI adds that is not an API member; its value goes to `cliArgs`. */
export interface ExtraArgument {
  name: string;
  required: boolean;
  choices?: readonly string[];
  /** A positional argument (`aws s3api get-object ... outfile`) rather than a `--flag`. */
  positional?: boolean;
}

export interface Customization {
  /** API members the CLI does not offer as flags. */
  removeMembers?: readonly string[];
  extraArguments?: readonly ExtraArgument[];
}

/** Keyed by `<botocore service> <Operation>`. */
export const CUSTOMIZATIONS: Readonly<Record<string, Customization>> = {
  // iamvirtmfa.py: the seed or QR code goes to a file instead of the output.
  'iam CreateVirtualMFADevice': {
    extraArguments: [
      { name: 'outfile', required: true },
      { name: 'bootstrap-method', required: true, choices: ['QRCodePNG', 'Base32StringSeed'] },
    ],
  },
  // streamingoutputarg.py: the object's body is written to a file named by a positional argument.
  's3 GetObject': { extraArguments: [{ name: 'outfile', required: true, positional: true }] },
  // ec2/addcount.py: `--count N` or `--count MIN:MAX` (default 1) instead of MinCount and MaxCount.
  'ec2 RunInstances': {
    removeMembers: ['MinCount', 'MaxCount'],
    extraArguments: [{ name: 'count', required: false }],
  },
};

/** ec2/addcount.py: `--count` as MinCount and MaxCount, or the CLI's complaint. */
export function instanceCount(
  value: string | undefined,
): { MinCount: number; MaxCount: number } | string {
  if (value === undefined) return { MinCount: 1, MaxCount: 1 };
  const parts = value.split(':');
  const numbers = (parts.length === 1 ? [value, value] : parts).map((part) =>
    /^\s*[+-]?\d+\s*$/.test(part) ? Number(part) : NaN,
  );
  const [min, max] = numbers;
  if (
    numbers.length !== 2 ||
    min === undefined ||
    max === undefined ||
    numbers.some(Number.isNaN)
  ) {
    return 'count parameter should be of form min[:max] (e.g. 1 or 1:10)';
  }
  return { MinCount: min, MaxCount: max };
}
