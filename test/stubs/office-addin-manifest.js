module.exports = { OfficeAddinManifest: { readManifestFile: async () => ({}) } };
