import { describeQueryContracts } from '@conduit/app/testing';
import { describeRepositoryContracts } from '@conduit/domain/testing';
import { createInMemoryAdapters } from './in-memory-adapters.js';

const factory = { fresh: async () => createInMemoryAdapters() };

describeRepositoryContracts('in-memory', factory);
describeQueryContracts('in-memory', factory);
