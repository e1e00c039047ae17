import { ApiError } from '../../../shared/api/api-error';
import type { ApiHandlers } from '../../backend/api/api-endpoint';
import { NoUpdateReadyError, type UpdateController } from './update-controller';

/** The desktop's update methods: what is waiting, and the restart that installs it. */
export function updateHandlers(updates: Pick<UpdateController, 'readyVersion' | 'restart'>): Pick<ApiHandlers, 'updates.status' | 'updates.restart'> {
  return {
    'updates.status': () => ({ readyVersion: updates.readyVersion }),
    'updates.restart': () => {
      try {
        updates.restart();
        return null;
      } catch (error) {
        if (error instanceof NoUpdateReadyError) throw new ApiError('unavailable', error.message);
        throw error;
      }
    },
  };
}
