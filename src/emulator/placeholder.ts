export const emulatorLayer = 'emulator';
