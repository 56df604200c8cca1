import { vi } from 'vitest';

// createMockActionContext reaches for jest's mock functions.
(globalThis as unknown as { jest: typeof vi }).jest = vi;
