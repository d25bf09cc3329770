import type { CommentId } from '@conduit/domain';
import type { ProfileView } from './profile-view.js';

export type CommentView = {
  readonly id: CommentId;
  readonly body: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly author: ProfileView;
};
