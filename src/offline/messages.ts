// UI text of the offline feature (service worker status, updates, opening files), vi and en.
import { defineMessages } from '../app/i18n.ts';

export const offlineMessages = defineMessages({
  vi: {
    readyOffline: 'Lectern đã sẵn sàng: từ nay có thể mở, soạn và trình chiếu khi không có mạng.',
    updateReady: 'Đã có phiên bản mới của Lectern. Phiên bản này sẽ được dùng từ lần mở Lectern tới.',
    updateNow: 'Cập nhật ngay',
    updateDeferred:
      'Đang có cửa sổ trình chiếu: bản cập nhật sẽ được áp dụng sau khi đóng buổi trình chiếu, không làm gián đoạn bài giảng.',
    updatedElsewhere: 'Lectern vừa được cập nhật ở một cửa sổ khác. Hãy tải lại trang này khi thuận tiện.',
    reload: 'Tải lại',
    needsOnlineVisit:
      'Phần này của Lectern chưa được lưu trên máy. Cần mở Lectern một lần khi có mạng để dùng được ngoại tuyến.',
    openFilesFailed: (reason: string) => `Không mở được tệp: ${reason}`,
    opened: (name: string) => `Đã nhập bài giảng từ tệp “${name}”.`,
  },
  en: {
    readyOffline: 'Lectern is ready: from now on it opens, edits and presents without a network.',
    updateReady: 'A new version of Lectern is ready. It will be used the next time you open Lectern.',
    updateNow: 'Update now',
    updateDeferred:
      'A presentation is open: the update will be applied after it is closed, without interrupting the lesson.',
    updatedElsewhere: 'Lectern was updated in another window. Reload this page when convenient.',
    reload: 'Reload',
    needsOnlineVisit:
      'This part of Lectern is not stored on this device yet. Open Lectern once while online to use it offline.',
    openFilesFailed: (reason: string) => `Could not open the file: ${reason}`,
    opened: (name: string) => `Imported the deck from “${name}”.`,
  },
});
