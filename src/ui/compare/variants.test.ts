import { describe, expect, it } from 'vitest';
import { withFlavor } from './variants';

describe('withFlavor', () => {
  it('rewrites the tokio::main attribute, whatever it said', () => {
    expect(withFlavor('#[tokio::main]\nasync fn main() {}', 'multi_thread')).toBe(
      '#[tokio::main(flavor = "multi_thread", worker_threads = 4)]\nasync fn main() {}',
    );
    expect(
      withFlavor(
        '#[tokio::main(flavor = "multi_thread", worker_threads = 2)]\nasync fn main() {}',
        'current_thread',
      ),
    ).toBe('#[tokio::main(flavor = "current_thread")]\nasync fn main() {}');
    expect(withFlavor('#[tokio::main]\nasync fn main() {}', 'as-written')).toBe(
      '#[tokio::main]\nasync fn main() {}',
    );
  });
  it('says it cannot when there is no tokio::main', () => {
    expect(withFlavor('fn main() {}', 'multi_thread')).toBeNull();
  });
});
