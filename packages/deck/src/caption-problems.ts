// The WebVTT parser's problems (webvtt-parser speaks English only) in the reader's language: one
// catalogue for the deck check's `captions-invalid` and the app's caption file intake. Keys are
// the parser's own sentences; a sentence not listed is shown as the parser wrote it, quoted.
// Line and column stay with the caller, which says where.
import type { DiagnosticLang } from './types.ts';

const VI: Record<string, string> = {
  'No valid signature. (File needs to start with "WEBVTT".)': 'thiếu dòng đầu “WEBVTT” (tệp phụ đề phải bắt đầu bằng WEBVTT)',
  'No blank line after the signature.': 'thiếu dòng trống sau dòng “WEBVTT”',
  'Blank line missing before cue.': 'thiếu dòng trống trước câu phụ đề',
  'Cue identifier cannot be standalone.': 'mã câu phụ đề đứng một mình, không có mốc thời gian theo sau',
  'Cue identifier needs to be followed by timestamp.': 'sau mã câu phụ đề phải là dòng mốc thời gian',
  'No timestamp found.': 'không tìm thấy mốc thời gian',
  'No valid timestamp separator found.': 'không tìm thấy dấu “-->” giữa hai mốc thời gian',
  "'-->' not separated from timestamp by whitespace.": 'dấu “-->” phải cách mốc thời gian một khoảng trắng',
  "Timestamp not separated from '-->' by whitespace.": 'mốc thời gian phải cách dấu “-->” một khoảng trắng',
  'No decimal separator (".") found.': 'mốc thời gian thiếu dấu chấm trước phần nghìn giây (viết 00:00:01.000, không phải 00:00:01,000)',
  'Milliseconds must be given in three digits.': 'phần nghìn giây phải có đúng ba chữ số',
  'Must be exactly two digits.': 'phút và giây phải có đúng hai chữ số',
  'No time unit separator found.': 'mốc thời gian thiếu dấu hai chấm',
  'No seconds found or minutes is greater than 59.': 'mốc thời gian thiếu số giây, hoặc số phút lớn hơn 59',
  'You cannot have more than 59 minutes.': 'số phút không được lớn hơn 59',
  'You cannot have more than 59 seconds.': 'số giây không được lớn hơn 59',
  'Timestamp must start with a character in the range 0-9.': 'mốc thời gian phải bắt đầu bằng một chữ số',
  'Timestamp must not have trailing characters.': 'có ký tự thừa sau mốc thời gian',
  'End timestamp is not greater than start timestamp.': 'thời điểm kết thúc phải sau thời điểm bắt đầu',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.': 'câu phụ đề bắt đầu sớm hơn câu trước nó',
  'Timestamp must be between start timestamp and end timestamp.': 'mốc thời gian trong câu phải nằm giữa thời điểm bắt đầu và kết thúc của câu',
  'Timestamp must be greater than any previous timestamp.': 'mốc thời gian trong câu phải sau các mốc trước nó',
  'Cannot have timestamp in a comment.': 'ghi chú (NOTE) không được chứa mốc thời gian',
  'Cannot have timestamp in a style block.': 'khối STYLE không được chứa mốc thời gian',
  'Style blocks cannot appear after the first cue.': 'khối STYLE phải đứng trước câu phụ đề đầu tiên',
  'Incorrect start tag.': 'thẻ mở không đúng',
  'Incorrect end tag.': 'thẻ đóng không đúng',
  'Required end tag missing.': 'thiếu thẻ đóng',
  'Incorrect escape.': 'ký tự thoát (&…;) không đúng',
  '<v> requires an annotation.': 'thẻ <v> phải ghi tên người nói',
  '<v> cannot be nested inside itself.': 'thẻ <v> không được lồng trong một thẻ <v> khác',
  'Only <v> and <lang> can have an annotation.': 'chỉ thẻ <v> và <lang> mới được có chú thích',
  'Invalid setting.': 'thiết lập câu phụ đề không hợp lệ',
  'Duplicate setting.': 'thiết lập câu phụ đề bị lặp lại',
  'No value for setting defined.': 'thiết lập câu phụ đề thiếu giá trị',
  'Line position needs to be a number': 'vị trí dòng (line) phải là một số',
  'Line position takes a number or percentage.': 'vị trí dòng (line) phải là một số hoặc một tỉ lệ phần trăm',
  "Line position can only have '-' at the start.": 'vị trí dòng (line) chỉ được có dấu “-” ở đầu',
  "Line position can only have '%' at the end.": 'vị trí dòng (line) chỉ được có dấu “%” ở cuối',
  'Line position cannot be a negative percentage.': 'vị trí dòng (line) không được là phần trăm âm',
  'Line position cannot be >100%.': 'vị trí dòng (line) không được lớn hơn 100%',
  'Line alignment needs to be one of start, center or end': 'căn dòng (line) phải là start, center hoặc end',
  'Text position must be a percentage.': 'vị trí chữ (position) phải là một tỉ lệ phần trăm',
  'Text position needs to be between 0 and 100%.': 'vị trí chữ (position) phải từ 0 đến 100%',
  'Position alignment needs to be one of line-left, center or line-right': 'căn vị trí (position) phải là line-left, center hoặc line-right',
  'Size must be a percentage.': 'độ rộng (size) phải là một tỉ lệ phần trăm',
  'Size needs to be a number': 'độ rộng (size) phải là một số',
  'Size needs to be between 0 and 100%.': 'độ rộng (size) phải từ 0 đến 100%',
  'Size cannot be >100%.': 'độ rộng (size) không được lớn hơn 100%',
  'Start tags not allowed in chapter title text.': 'tiêu đề chương không được chứa thẻ mở',
  'End tags not allowed in chapter title text.': 'tiêu đề chương không được chứa thẻ đóng',
  'Timestamp not allowed in chapter title text.': 'tiêu đề chương không được chứa mốc thời gian',
  "Writing direction can only be set to 'rl' or 'rl'.": 'hướng viết (vertical) chỉ được là rl hoặc lr',
};

// Sentences with a value inside.
const VI_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Alignment can only be set to one of (.+)\.$/, (m) => `căn lề (align) chỉ được là một trong: ${m[1]}`],
  [/^caption file is larger than (\S+) MB$/, (m) => `tệp phụ đề lớn hơn ${m[1]} MB`],
  [/^caption file has more than (\d+) cues$/, (m) => `tệp phụ đề có hơn ${m[1]} câu phụ đề`],
];

/** A caption problem's sentence in `lang`: the catalogue's Vietnamese, or the parser's English. */
export function captionProblemText(message: string, lang: DiagnosticLang): string {
  if (lang !== 'vi') return message;
  const known = VI[message];
  if (known) return known;
  for (const [re, text] of VI_PATTERNS) {
    const m = re.exec(message);
    if (m) return text(m);
  }
  return `“${message}”`;
}
