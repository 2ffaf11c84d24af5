// What the importer's refusals and report entries say to people, in Vietnamese and English. The
// package holds them (not the app) because the CLI and the app's Worker both show them; each is
// keyed by the stable code, and the part it names is added by the caller.
import type { OfficeErrorCode, OfficeImportError } from './errors.ts';
import type { ReportKind } from './report.ts';

export type OfficeLang = 'vi' | 'en';

const ERRORS: Record<OfficeLang, Record<OfficeErrorCode, string>> = {
  vi: {
    'not-a-zip': 'Đây không phải tệp PowerPoint (.pptx) hay Word (.docx).',
    'legacy-format': 'Đây là tệp Office đời cũ (.ppt/.doc, Office 97-2003). Hãy mở bằng PowerPoint, Word hoặc LibreOffice, lưu thành .pptx/.docx rồi nhập lại.',
    encrypted: 'Tệp được đặt mật khẩu. Hãy mở bằng PowerPoint hoặc Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ), lưu lại rồi nhập lại.',
    'zip-refused': 'Tệp bị hỏng hoặc có cấu trúc không an toàn nên không được nhập.',
    'not-office': 'Tệp không phải bài trình chiếu PowerPoint (.pptx) hay văn bản Word (.docx) mà trình nhập đọc được.',
    'part-missing': 'Tệp thiếu một phần mà nó tự nhắc tới (tệp hỏng hoặc bị cắt bớt).',
    'rel-outside': 'Tệp trỏ tới một vị trí nằm ngoài tệp; đã từ chối.',
    'part-too-large': 'Một phần nội dung của tệp lớn bất thường; đã từ chối.',
    'xml-dtd': 'Tệp chứa khai báo DTD/thực thể XML mà tệp Office không bao giờ có; đã từ chối mà không xử lý.',
    'xml-too-deep': 'Tệp có cấu trúc XML lồng nhau quá sâu; đã từ chối.',
    'xml-invalid': 'Tệp có phần XML bị hỏng.',
    cancelled: 'Đã huỷ nhập.',
  },
  en: {
    'not-a-zip': 'This is not a PowerPoint (.pptx) or Word (.docx) file.',
    'legacy-format': 'This is an old binary Office file (.ppt/.doc, Office 97-2003). Open it in PowerPoint, Word or LibreOffice, save it as .pptx/.docx and import it again.',
    encrypted: 'The file is protected by a password. Open it in PowerPoint or Word, remove the password (File > Info > Protect), save it and import it again.',
    'zip-refused': 'The file is damaged or built in an unsafe way, so it was not imported.',
    'not-office': 'The file is not a PowerPoint presentation (.pptx) or Word document (.docx) this importer reads.',
    'part-missing': 'The file lacks a part it refers to (damaged or cut short).',
    'rel-outside': 'The file points to a location outside itself; refused.',
    'part-too-large': 'A part of the file is abnormally large; refused.',
    'xml-dtd': 'The file declares an XML DTD or entities, which Office files never do; refused without processing them.',
    'xml-too-deep': 'The file nests its XML abnormally deep; refused.',
    'xml-invalid': 'A part of the file is damaged XML.',
    cancelled: 'Import cancelled.',
  },
};

const KINDS: Record<OfficeLang, Record<ReportKind, string>> = {
  vi: {
    'image-unsupported': 'Hình ở định dạng trình duyệt không hiển thị được (bị bỏ)',
    'media-external': 'Video/âm thanh liên kết tới tệp bên ngoài (không được nhập)',
    'media-missing': 'Tư liệu bị thiếu trong tệp',
    'media-unsupported': 'Video/âm thanh ở định dạng trình duyệt không phát được (bị bỏ)',
    chart: 'Biểu đồ không có ảnh xem trước (bị bỏ)',
    'ole-object': 'Đối tượng nhúng không có ảnh xem trước (bị bỏ)',
    animation: 'Hiệu ứng không có cách thể hiện tương đương (thoát, nhấn mạnh, đường đi, kích hoạt riêng) không được chuyển',
    'link-dropped': 'Liên kết không phải http(s)/mailto được giữ thành chữ thường',
    'content-skipped': 'Nội dung không đọc được (bị bỏ)',
    'shape-skipped': 'Hình vẽ không có chữ (khối, hình tròn, mũi tên, đường nối) không được nhập',
    'hidden-slide': 'Trang chiếu ẩn: được giữ và đánh dấu ẩn',
    'merged-table': 'Bảng có ô gộp được ghi thành bảng HTML',
    smartart: 'SmartArt được ghi thành danh sách chữ',
    'legacy-font': 'Chữ gõ bằng phông cũ (TCVN3/VNI) đã được chuyển sang Unicode',
  },
  en: {
    'image-unsupported': 'Picture in a format browsers cannot show (left out)',
    'media-external': 'Video/audio linked to a file outside the package (not imported)',
    'media-missing': 'Media missing from the file',
    'media-unsupported': 'Video/audio in a format browsers cannot play (left out)',
    chart: 'Chart without a preview picture (left out)',
    'ole-object': 'Embedded object without a preview picture (left out)',
    animation: 'Animations with no fragment equivalent (exit, emphasis, motion path, trigger) left out',
    'link-dropped': 'Link that is not http(s)/mailto kept as plain text',
    'content-skipped': 'Content the importer does not read (left out)',
    'shape-skipped': 'Drawn shapes without text (boxes, ovals, arrows, connectors) left out',
    'hidden-slide': 'Hidden slide: kept and marked hidden',
    'merged-table': 'Table with merged cells written as an HTML table',
    smartart: 'SmartArt written as a list of its text',
    'legacy-font': 'Text in a legacy Vietnamese font (TCVN3/VNI) converted to Unicode',
  },
};

/** One line for a person: the translated reason, then the part it concerns. */
export function officeErrorMessage(error: Pick<OfficeImportError, 'code' | 'part'>, lang: OfficeLang): string {
  const text = ERRORS[lang][error.code];
  if (error.part === undefined) return text;
  return `${text} (${lang === 'vi' ? 'phần' : 'part'}: ${error.part})`;
}

export const reportKindLabel = (kind: ReportKind, lang: OfficeLang): string => KINDS[lang][kind];
