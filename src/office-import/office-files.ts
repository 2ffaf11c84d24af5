// Which picked or dropped files go to the Office importer (by name: a drop's list must be split
// at once, before any module loads; the importer then checks the content itself).
export const OFFICE_ACCEPT = '.pptx,.docx,application/vnd.openxmlformats-officedocument.presentationml.presentation,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const RE_OFFICE_NAME = /\.(pptx|docx)$/i;

export const isOfficeFile = (file: { name: string }): boolean => RE_OFFICE_NAME.test(file.name);
